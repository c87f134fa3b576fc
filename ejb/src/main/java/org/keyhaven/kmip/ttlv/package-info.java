/**
 * The KMIP TTLV encoding (Tag, Type, Length, Value; KMIP 1.0 to 2.1, section "Message Encoding" of the
 * specifications), in plain Java.
 *
 * <ul>
 *   <li>The model: {@link org.keyhaven.kmip.ttlv.TtlvItem}, a sealed interface with one immutable class per
 *       {@link org.keyhaven.kmip.ttlv.ItemType}, and {@link org.keyhaven.kmip.ttlv.Tag}. It is the tree every KMIP
 *       encoding describes: a reader of the XML encoding (elements named by tag, a {@code type} attribute with
 *       {@link org.keyhaven.kmip.ttlv.ItemType#xmlName()}, a {@code value} attribute) builds the same items once
 *       a dictionary maps tag names to numbers. The codec itself needs no dictionary.</li>
 *   <li>{@link org.keyhaven.kmip.ttlv.TtlvEncoder} writes a tree; {@link org.keyhaven.kmip.ttlv.TtlvDecoder} reads
 *       one from untrusted bytes within {@link org.keyhaven.kmip.ttlv.TtlvLimits};
 *       {@link org.keyhaven.kmip.ttlv.TtlvFrameReader} cuts messages off a stream.</li>
 *   <li>Every refusal is a {@link org.keyhaven.kmip.ttlv.TtlvException}, which never quotes value bytes; no
 *       {@code toString()} shows Byte Strings, Big Integers or Text Strings; Byte Strings and Big Integers can be
 *       wiped once a message has been handled.</li>
 * </ul>
 */
package org.keyhaven.kmip.ttlv;
