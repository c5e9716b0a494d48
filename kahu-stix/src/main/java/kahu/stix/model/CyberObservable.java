package kahu.stix.model;

/** STIX Cyber-observable Objects (SCOs): facts seen on networks and hosts; their ids may be deterministic. */
public sealed interface CyberObservable extends StixObject
        permits Ipv4Addr, Ipv6Addr, DomainName, Url, FileObject, EmailAddr, NetworkTraffic, ProcessObject, UserAccount,
        WindowsRegistryKey, X509Certificate, AutonomousSystem, MacAddr, Directory, Artifact, Software, Mutex {}
