/**
 * Explicit, reflection-free conversion between Jackson trees and the STIX records
 * ({@link kahu.stix.codec.StixCodec}); lossless: custom properties and timestamp precision survive.
 * <p>
 * Owns: the JSON form of the records. Must not touch: files or streams (the reader does that),
 * validation policy, databases, the CLI, knowledge-base logic.
 */
package kahu.stix.codec;
