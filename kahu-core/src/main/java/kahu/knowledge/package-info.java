/**
 * What Kahu knows about threat actors: the curated files shipped inside Kahu, ATT&CK and MISP
 * galaxy imports, and the resolution of their records into actors (merged by ATT&CK ID and name,
 * alias conflicts kept as "possibly the same as" links, analysts' merges and splits applied).
 *
 * <p>Owns: the actor model, the loaders and importers, lookup. Uses {@code kahu.stix} to read STIX
 * and {@code kahu.store} to persist. Must not score evidence (that is {@code attribution}) nor
 * print anything (that is {@code cli}).
 */
package kahu.knowledge;
