/**
 * The KMIP dictionary: tag names and numbers ({@link org.keyhaven.kmip.spec.KmipTags}), and the value names of
 * enumerations and bit masks ({@link org.keyhaven.kmip.spec.KmipEnumerations}), as the KMIP 1.0 to 2.1
 * specifications assign them and as the XML and JSON encodings spell them. Plain data, no container types.
 */
package org.keyhaven.kmip.spec;
