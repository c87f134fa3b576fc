/**
 * The KMIP XML encoding (KMIP Profiles, "XML Encoding"), as the OASIS profile test cases use it: elements named
 * by tag with {@code type} and {@code value} attributes, read into TTLV item trees. Values a server chooses are
 * written as {@code $NAME} placeholders; {@link org.keyhaven.kmip.xml.TemplateItem} keeps them until a
 * {@link org.keyhaven.kmip.xml.PlaceholderResolver} supplies values captured from earlier responses.
 */
package org.keyhaven.kmip.xml;
