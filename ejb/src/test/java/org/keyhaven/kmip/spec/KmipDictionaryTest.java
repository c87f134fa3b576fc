package org.keyhaven.kmip.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keyhaven.kmip.ttlv.Tag;
import org.keyhaven.kmip.xml.OasisTestCases;

/** The dictionary knows every tag and value name the OASIS test cases use, with the spec's numbers. */
class KmipDictionaryTest {

    @ParameterizedTest
    @CsvSource({
        "ActivationDate, 0x420001", "ApplicationData, 0x420002", "BatchItem, 0x42000F",
        "UniqueIdentifier, 0x420094", "RequestMessage, 0x420078", "ResponseMessage, 0x42007B",
        "CryptographicUsageMask, 0x42002C", "Attributes, 0x420125", "PKCS_11Function, 0x42015A",
        "InteropIdentifier, 0x420161", "AuthenticatedEncryptionTag, 0x4200FF"})
    void tagNamesHaveTheSpecNumbers(String name, String hex) {
        Tag tag = Tag.of(Integer.decode(hex));
        assertThat(KmipTags.find(name)).contains(tag);
        assertThat(KmipTags.name(tag)).contains(name);
    }

    @Test
    void hexTagsResolveWithoutAName() {
        assertThat(KmipTags.find("0x540001")).contains(Tag.of(0x540001));
        assertThat(KmipTags.find("0x430000")).isEmpty();
        assertThat(KmipTags.nameOrHex(Tag.of(0x540001))).isEqualTo("0x540001");
    }

    @ParameterizedTest
    @CsvSource({
        "ResultStatus, Success, 0", "ResultStatus, OperationFailed, 1", "Operation, Create, 1",
        "Operation, Get, 10", "Operation, DiscoverVersions, 30", "ObjectType, SymmetricKey, 2",
        "CryptographicAlgorithm, AES, 3", "ResultReason, GeneralFailure, 256", "LinkType, NextLink, 267",
        "MaskGeneratorHashingAlgorithm, SHA_256, 6", "AttributeReference, UniqueIdentifier, 4325524"})
    void enumerationNamesHaveTheSpecValues(String enumeration, String name, int value) {
        assertThat(KmipEnumerations.value(enumeration, name)).isEqualTo(OptionalInt.of(value));
        assertThat(KmipEnumerations.name(enumeration, value)).contains(name);
    }

    @Test
    void masksJoinNamesBySpaceOrBar() {
        assertThat(KmipEnumerations.maskValue("CryptographicUsageMask", "Encrypt Decrypt")).hasValue(12);
        assertThat(KmipEnumerations.maskValue("CryptographicUsageMask", "Encrypt|Decrypt")).hasValue(12);
        assertThat(KmipEnumerations.maskValue("CryptographicUsageMask", "Encrypt Nonsense")).isEmpty();
        assertThat(KmipEnumerations.maskNames("CryptographicUsageMask", 12)).contains("Encrypt Decrypt");
        assertThat(KmipEnumerations.maskValue("ProtectionStorageMask", "Software")).hasValue(1);
    }

    @Test
    void attributeNamesNameTheirEnumeration() {
        assertThat(KmipEnumerations.forAttributeName("Cryptographic Algorithm")).isEqualTo("CryptographicAlgorithm");
        assertThat(KmipEnumerations.isEnumeration(KmipEnumerations.forAttributeName("Object Type"))).isTrue();
    }

    /** Scans the files without the reader, so a gap in the dictionary is reported as a list, not a refusal. */
    @Test
    void everyTagAndValueNameInTheOasisTestCasesResolves() throws IOException, XMLStreamException {
        Set<String> unknown = new TreeSet<>();
        int names = 0;
        for (Path file : OasisTestCases.files()) {
            try (InputStream in = Files.newInputStream(file)) {
                XMLInputFactory factory = XMLInputFactory.newFactory();
                factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                XMLStreamReader xml = factory.createXMLStreamReader(in);
                Deque<String> lastAttributeName = new ArrayDeque<>();
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.END_ELEMENT) {
                        lastAttributeName.pop();
                    }
                    if (event != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    String tag = xml.getLocalName();
                    String type = xml.getAttributeValue(null, "type");
                    String value = xml.getAttributeValue(null, "value");
                    String context = lastAttributeName.isEmpty() ? "" : lastAttributeName.peek();
                    lastAttributeName.push("");
                    if ("KMIP".equals(tag)) {
                        continue;
                    }
                    names++;
                    if (KmipTags.find(tag).isEmpty()) {
                        unknown.add("tag " + tag);
                    }
                    if ("AttributeName".equals(tag)) {
                        lastAttributeName.pop();
                        lastAttributeName.pop();
                        lastAttributeName.push(value);
                        lastAttributeName.push("");
                    }
                    String table = "AttributeValue".equals(tag) && !context.isEmpty()
                            ? KmipEnumerations.forAttributeName(context) : tag;
                    if (value == null || value.startsWith("$") || value.startsWith("0x")) {
                        continue;
                    }
                    if ("Enumeration".equals(type) && KmipEnumerations.value(table, value).isEmpty()) {
                        unknown.add(table + "." + value);
                    }
                    if ("Integer".equals(type) && !value.matches("-?\\d+")
                            && KmipEnumerations.maskValue(table, value).isEmpty()) {
                        unknown.add(table + " mask " + value);
                    }
                }
            }
        }
        assertThat(names).isGreaterThan(10_000);
        assertThat(unknown).isEmpty();
    }
}
