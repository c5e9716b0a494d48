package kahu.stix.marking;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import kahu.stix.id.StixIds;
import kahu.stix.model.CommonProperties;
import kahu.stix.model.MarkingDefinition;
import kahu.stix.model.StixTimestamp;

/**
 * Builds statement marking-definitions (copyright, terms of use), e.g. the one ATT&CK carries.
 * Marking definitions are immutable in STIX: no modified, a new statement means a new id.
 */
public final class StatementMarking {
    private String id;
    private String name;
    private String statement;
    private StixTimestamp created;
    private String createdByRef;

    private StatementMarking() {}

    public static StatementMarking builder() {
        return new StatementMarking();
    }

    public StatementMarking id(String id) {
        if (!StixIds.isValid(id, "marking-definition")) throw new IllegalArgumentException("statement marking: id must be 'marking-definition--<uuid>', got " + id);
        this.id = id;
        return this;
    }

    public StatementMarking name(String name) {
        this.name = name;
        return this;
    }

    public StatementMarking statement(String statement) {
        if (statement == null || statement.isBlank()) throw new IllegalArgumentException("statement marking: statement must not be blank");
        this.statement = statement;
        return this;
    }

    public StatementMarking created(StixTimestamp created) {
        this.created = created;
        return this;
    }

    public StatementMarking createdByRef(String identityId) {
        if (!StixIds.isValid(identityId, "identity")) throw new IllegalArgumentException("statement marking: created_by_ref must be an identity id, got " + identityId);
        this.createdByRef = identityId;
        return this;
    }

    public MarkingDefinition build() {
        if (statement == null) throw new IllegalArgumentException("statement marking: statement is required");
        String theId = id != null ? id : StixIds.newId("marking-definition");
        CommonProperties common = new CommonProperties("marking-definition", theId, "2.1",
                created != null ? new StixTimestamp(created.instant(), Math.max(3, created.fractionDigits())) : StixTimestamp.now(), null, createdByRef, null, null, null, null, null, null, null, null, null);
        return new MarkingDefinition(common, name, "statement",
                JsonNodeFactory.instance.objectNode().put("statement", statement), null);
    }
}
