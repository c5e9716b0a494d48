package kahu.stix;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kahu.stix.codec.StixCodec;
import kahu.stix.id.ObservableIds;
import kahu.stix.model.AutonomousSystem;
import kahu.stix.model.CommonProperties;
import kahu.stix.model.CyberObservable;
import kahu.stix.model.DomainName;
import kahu.stix.model.EmailAddr;
import kahu.stix.model.FileObject;
import kahu.stix.model.Ipv4Addr;
import kahu.stix.model.Ipv6Addr;
import kahu.stix.model.MacAddr;
import kahu.stix.model.Mutex;
import kahu.stix.model.Url;

import java.util.Map;

/**
 * Cyber observables with their deterministic ids (see {@link ObservableIds}): the same value
 * always gives the same id, whoever makes it.
 */
public final class Observables {
    private Observables() {}

    public static Ipv4Addr ipv4(String value) {
        return withDeterministicId(new Ipv4Addr(common(Ipv4Addr.TYPE), value, null, null, null));
    }

    public static Ipv6Addr ipv6(String value) {
        return withDeterministicId(new Ipv6Addr(common(Ipv6Addr.TYPE), value, null, null, null));
    }

    public static DomainName domainName(String value) {
        return withDeterministicId(new DomainName(common(DomainName.TYPE), value, null, null));
    }

    public static Url url(String value) {
        return withDeterministicId(new Url(common(Url.TYPE), value, null));
    }

    public static EmailAddr emailAddr(String value) {
        return withDeterministicId(new EmailAddr(common(EmailAddr.TYPE), value, null, null, null));
    }

    public static MacAddr macAddr(String value) {
        return withDeterministicId(new MacAddr(common(MacAddr.TYPE), value, null));
    }

    public static Mutex mutex(String name) {
        return withDeterministicId(new Mutex(common(Mutex.TYPE), name, null));
    }

    public static AutonomousSystem autonomousSystem(long number, String name) {
        return withDeterministicId(new AutonomousSystem(common(AutonomousSystem.TYPE), number, name, null, null));
    }

    /** A file known by hashes (keys from hash-algorithm-ov: MD5, SHA-1, SHA-256, …) and optionally its name. */
    public static FileObject file(Map<String, String> hashes, String name) {
        if ((hashes == null || hashes.isEmpty()) && name == null)
            throw new IllegalArgumentException("file: hashes or name is required");
        return withDeterministicId(new FileObject(common(FileObject.TYPE), hashes, null, name, null, null, null,
                null, null, null, null, null, null, null));
    }

    /** The same observable with the id its contributing properties determine. */
    @SuppressWarnings("unchecked")
    public static <T extends CyberObservable> T withDeterministicId(T sco) {
        ObjectNode json = StixCodec.toJson(sco);
        String id = ObservableIds.idFor(json);
        json.put("id", id);
        return (T) StixCodec.fromJson(json);
    }

    private static CommonProperties common(String type) {
        // A placeholder id, replaced at once by the deterministic one.
        return CommonProperties.ofObservable(type, type + "--00000000-0000-4000-8000-000000000000");
    }
}
