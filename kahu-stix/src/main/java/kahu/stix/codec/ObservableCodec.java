package kahu.stix.codec;

import kahu.stix.model.*;

/** Reads and writes the type-specific properties of cyber observables. */
final class ObservableCodec {
    private ObservableCodec() {}

    /** The record for {@code type}, or null when the type is not a modelled observable. */
    static StixObject read(String type, CommonProperties c, PropertyReader r) {
        return switch (type) {
            case Ipv4Addr.TYPE -> new Ipv4Addr(c, r.str("value"), r.strings("resolves_to_refs"), r.strings("belongs_to_refs"), r.rest());
            case Ipv6Addr.TYPE -> new Ipv6Addr(c, r.str("value"), r.strings("resolves_to_refs"), r.strings("belongs_to_refs"), r.rest());
            case DomainName.TYPE -> new DomainName(c, r.str("value"), r.strings("resolves_to_refs"), r.rest());
            case Url.TYPE -> new Url(c, r.str("value"), r.rest());
            case FileObject.TYPE -> new FileObject(c, r.stringMap("hashes"), r.longValue("size"), r.str("name"), r.str("name_enc"), r.str("magic_number_hex"), r.str("mime_type"), r.timestamp("ctime"), r.timestamp("mtime"), r.timestamp("atime"), r.str("parent_directory_ref"), r.strings("contains_refs"), r.str("content_ref"), r.rest());
            case EmailAddr.TYPE -> new EmailAddr(c, r.str("value"), r.str("display_name"), r.str("belongs_to_ref"), r.rest());
            case NetworkTraffic.TYPE -> new NetworkTraffic(c, r.timestamp("start"), r.timestamp("end"), r.bool("is_active"), r.str("src_ref"), r.str("dst_ref"), r.integer("src_port"), r.integer("dst_port"), r.strings("protocols"), r.longValue("src_byte_count"), r.longValue("dst_byte_count"), r.longValue("src_packets"), r.longValue("dst_packets"), r.node("ipfix"), r.strings("encapsulates_refs"), r.str("encapsulated_by_ref"), r.rest());
            case ProcessObject.TYPE -> new ProcessObject(c, r.bool("is_hidden"), r.longValue("pid"), r.timestamp("created_time"), r.str("cwd"), r.str("command_line"), r.stringMap("environment_variables"), r.strings("opened_connection_refs"), r.str("creator_user_ref"), r.str("image_ref"), r.str("parent_ref"), r.strings("child_refs"), r.rest());
            case UserAccount.TYPE -> new UserAccount(c, r.str("user_id"), r.str("credential"), r.str("account_login"), r.str("account_type"), r.str("display_name"), r.bool("is_service_account"), r.bool("is_privileged"), r.bool("can_escalate_privs"), r.bool("is_disabled"), r.timestamp("account_created"), r.timestamp("account_expires"), r.timestamp("credential_last_changed"), r.timestamp("account_first_login"), r.timestamp("account_last_login"), r.rest());
            case WindowsRegistryKey.TYPE -> new WindowsRegistryKey(c, r.str("key"), r.node("values"), r.timestamp("modified_time"), r.str("creator_user_ref"), r.longValue("number_of_subkeys"), r.rest());
            case X509Certificate.TYPE -> new X509Certificate(c, r.bool("is_self_signed"), r.stringMap("hashes"), r.str("version"), r.str("serial_number"), r.str("signature_algorithm"), r.str("issuer"), r.timestamp("validity_not_before"), r.timestamp("validity_not_after"), r.str("subject"), r.str("subject_public_key_algorithm"), r.str("subject_public_key_modulus"), r.longValue("subject_public_key_exponent"), r.node("x509_v3_extensions"), r.rest());
            case AutonomousSystem.TYPE -> new AutonomousSystem(c, r.longValue("number"), r.str("name"), r.str("rir"), r.rest());
            case MacAddr.TYPE -> new MacAddr(c, r.str("value"), r.rest());
            case Directory.TYPE -> new Directory(c, r.str("path"), r.str("path_enc"), r.timestamp("ctime"), r.timestamp("mtime"), r.timestamp("atime"), r.strings("contains_refs"), r.rest());
            case Artifact.TYPE -> new Artifact(c, r.str("mime_type"), r.str("payload_bin"), r.str("url"), r.stringMap("hashes"), r.str("encryption_algorithm"), r.str("decryption_key"), r.rest());
            case Software.TYPE -> new Software(c, r.str("name"), r.str("cpe"), r.str("swid"), r.strings("languages"), r.str("vendor"), r.str("version"), r.rest());
            case Mutex.TYPE -> new Mutex(c, r.str("name"), r.rest());
            default -> null;
        };
    }

    static void write(CyberObservable obj, PropertyWriter w) {
        switch (obj) {
            case Ipv4Addr o -> {
                w.str("value", o.value());
                w.strings("resolves_to_refs", o.resolvesToRefs());
                w.strings("belongs_to_refs", o.belongsToRefs());
            }
            case Ipv6Addr o -> {
                w.str("value", o.value());
                w.strings("resolves_to_refs", o.resolvesToRefs());
                w.strings("belongs_to_refs", o.belongsToRefs());
            }
            case DomainName o -> {
                w.str("value", o.value());
                w.strings("resolves_to_refs", o.resolvesToRefs());
            }
            case Url o -> {
                w.str("value", o.value());
            }
            case FileObject o -> {
                w.stringMap("hashes", o.hashes());
                w.number("size", o.size());
                w.str("name", o.name());
                w.str("name_enc", o.nameEnc());
                w.str("magic_number_hex", o.magicNumberHex());
                w.str("mime_type", o.mimeType());
                w.timestamp("ctime", o.ctime());
                w.timestamp("mtime", o.mtime());
                w.timestamp("atime", o.atime());
                w.str("parent_directory_ref", o.parentDirectoryRef());
                w.strings("contains_refs", o.containsRefs());
                w.str("content_ref", o.contentRef());
            }
            case EmailAddr o -> {
                w.str("value", o.value());
                w.str("display_name", o.displayName());
                w.str("belongs_to_ref", o.belongsToRef());
            }
            case NetworkTraffic o -> {
                w.timestamp("start", o.start());
                w.timestamp("end", o.end());
                w.bool("is_active", o.isActive());
                w.str("src_ref", o.srcRef());
                w.str("dst_ref", o.dstRef());
                w.number("src_port", o.srcPort());
                w.number("dst_port", o.dstPort());
                w.strings("protocols", o.protocols());
                w.number("src_byte_count", o.srcByteCount());
                w.number("dst_byte_count", o.dstByteCount());
                w.number("src_packets", o.srcPackets());
                w.number("dst_packets", o.dstPackets());
                w.node("ipfix", o.ipfix());
                w.strings("encapsulates_refs", o.encapsulatesRefs());
                w.str("encapsulated_by_ref", o.encapsulatedByRef());
            }
            case ProcessObject o -> {
                w.bool("is_hidden", o.isHidden());
                w.number("pid", o.pid());
                w.timestamp("created_time", o.createdTime());
                w.str("cwd", o.cwd());
                w.str("command_line", o.commandLine());
                w.stringMap("environment_variables", o.environmentVariables());
                w.strings("opened_connection_refs", o.openedConnectionRefs());
                w.str("creator_user_ref", o.creatorUserRef());
                w.str("image_ref", o.imageRef());
                w.str("parent_ref", o.parentRef());
                w.strings("child_refs", o.childRefs());
            }
            case UserAccount o -> {
                w.str("user_id", o.userId());
                w.str("credential", o.credential());
                w.str("account_login", o.accountLogin());
                w.str("account_type", o.accountType());
                w.str("display_name", o.displayName());
                w.bool("is_service_account", o.isServiceAccount());
                w.bool("is_privileged", o.isPrivileged());
                w.bool("can_escalate_privs", o.canEscalatePrivs());
                w.bool("is_disabled", o.isDisabled());
                w.timestamp("account_created", o.accountCreated());
                w.timestamp("account_expires", o.accountExpires());
                w.timestamp("credential_last_changed", o.credentialLastChanged());
                w.timestamp("account_first_login", o.accountFirstLogin());
                w.timestamp("account_last_login", o.accountLastLogin());
            }
            case WindowsRegistryKey o -> {
                w.str("key", o.key());
                w.node("values", o.values());
                w.timestamp("modified_time", o.modifiedTime());
                w.str("creator_user_ref", o.creatorUserRef());
                w.number("number_of_subkeys", o.numberOfSubkeys());
            }
            case X509Certificate o -> {
                w.bool("is_self_signed", o.isSelfSigned());
                w.stringMap("hashes", o.hashes());
                w.str("version", o.version());
                w.str("serial_number", o.serialNumber());
                w.str("signature_algorithm", o.signatureAlgorithm());
                w.str("issuer", o.issuer());
                w.timestamp("validity_not_before", o.validityNotBefore());
                w.timestamp("validity_not_after", o.validityNotAfter());
                w.str("subject", o.subject());
                w.str("subject_public_key_algorithm", o.subjectPublicKeyAlgorithm());
                w.str("subject_public_key_modulus", o.subjectPublicKeyModulus());
                w.number("subject_public_key_exponent", o.subjectPublicKeyExponent());
                w.node("x509_v3_extensions", o.x509V3Extensions());
            }
            case AutonomousSystem o -> {
                w.number("number", o.number());
                w.str("name", o.name());
                w.str("rir", o.rir());
            }
            case MacAddr o -> {
                w.str("value", o.value());
            }
            case Directory o -> {
                w.str("path", o.path());
                w.str("path_enc", o.pathEnc());
                w.timestamp("ctime", o.ctime());
                w.timestamp("mtime", o.mtime());
                w.timestamp("atime", o.atime());
                w.strings("contains_refs", o.containsRefs());
            }
            case Artifact o -> {
                w.str("mime_type", o.mimeType());
                w.str("payload_bin", o.payloadBin());
                w.str("url", o.url());
                w.stringMap("hashes", o.hashes());
                w.str("encryption_algorithm", o.encryptionAlgorithm());
                w.str("decryption_key", o.decryptionKey());
            }
            case Software o -> {
                w.str("name", o.name());
                w.str("cpe", o.cpe());
                w.str("swid", o.swid());
                w.strings("languages", o.languages());
                w.str("vendor", o.vendor());
                w.str("version", o.version());
            }
            case Mutex o -> {
                w.str("name", o.name());
            }
        }
    }
}
