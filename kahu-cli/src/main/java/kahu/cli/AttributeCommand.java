package kahu.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import kahu.attribution.Assessment;
import kahu.attribution.AssessmentJson;
import kahu.attribution.AttributionModel;
import kahu.attribution.EvidenceExtractor;
import kahu.attribution.EvidenceSet;
import kahu.knowledge.KnowledgeBase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code kahu attribute EVIDENCE…}: who is behind it, how likely, how confident, and why. */
@Command(name = "attribute", mixinStandardHelpOptions = true,
        description = "Attribute the activity in STIX 2.1 bundles to threat actors, with calibrated probability and explanation.")
final class AttributeCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(arity = "1..*", paramLabel = "EVIDENCE", description = "STIX 2.1 bundle files (one assessment each).")
    List<Path> inputs;

    @Option(names = "--subject", paramLabel = "ID", description = "Only the objects a grouping, incident or report refers to.")
    String subject;

    @Option(names = "--format", defaultValue = "text", description = "text, md or json (default: ${DEFAULT-VALUE}; json: one object per input, one per line when several).")
    String format;

    @Option(names = "--kb", arity = "1..*", paramLabel = "PATH",
            description = "Knowledge to import for this run only (ATT&CK bundles, MISP galaxy) instead of the stored knowledge base.")
    List<Path> kb;

    @Override
    public Integer call() throws Exception {
        if (!List.of("text", "md", "json").contains(format)) {
            System.err.println("kahu: unknown format " + format + " (text, md or json)");
            return Main.BAD_INPUT;
        }
        for (Path p : inputs) {
            if (!Files.isRegularFile(p)) {
                System.err.println("kahu: " + p + ": no such file");
                return Main.BAD_INPUT;
            }
        }
        KnowledgeBase base = KnowledgeSource.load(kb, main.dbUrl());
        AttributionModel model = AttributionModel.build(base);
        EvidenceExtractor extractor = new EvidenceExtractor(base);
        ObjectMapper compact = new ObjectMapper();
        for (int i = 0; i < inputs.size(); i++) {
            EvidenceSet evidence = extractor.extract(inputs.get(i), subject);
            Assessment a = model.assess(evidence);
            switch (format) {
                case "json" -> System.out.println(inputs.size() == 1 ? Json.pretty(AssessmentJson.toJson(a))
                        : compact.writeValueAsString(AssessmentJson.toJson(a)));
                case "md" -> System.out.print(AssessmentReport.render(a, true));
                default -> System.out.print(AssessmentReport.render(a, false));
            }
            if (!format.equals("json") && i < inputs.size() - 1) System.out.println();
        }
        return Main.OK;
    }
}
