package org.keyhaven.kmip.spec;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.StringJoiner;
import org.keyhaven.kmip.ttlv.Tag;

/**
 * Value names of the KMIP 1.0 to 2.1 enumerations and bit masks, in the spelling of the KMIP XML encoding
 * ({@code SymmetricKey}, {@code SHA_256}, {@code X_509}), keyed by the tag name of the enumeration.
 *
 * <p>An item's enumeration is normally named by its own tag. Three cases differ: a tag that reuses another
 * enumeration ({@code MaskGeneratorHashingAlgorithm} takes Hashing Algorithm values), the KMIP 1.x Attribute
 * Value whose enumeration is named by the sibling Attribute Name ({@link #forAttributeName(String)}), and
 * enumerations whose values are tags ({@code AttributeReference}, {@code Tag}), whose names are those of
 * {@link KmipTags}.
 *
 * <p>Invariant: within one enumeration, names and values are each unique.
 */
public final class KmipEnumerations {

    // "Enumeration: Name=hex ..." one enumeration per paragraph
    private static final String ENUMERATIONS = """
            AlternativeNameType: UninterpretedTextString=1 URI=2 ObjectSerialNumber=3 EmailAddress=4 DNSName=5
              X500DistinguishedName=6 IPAddress=7
            BatchErrorContinuationOption: Continue=1 Stop=2 Undo=3
            BlockCipherMode: CBC=1 ECB=2 PCBC=3 CFB=4 OFB=5 CTR=6 CMAC=7 CCM=8 GCM=9 CBC_MAC=A XTS=B
              AESKeyWrapPadding=C NISTKeyWrap=D X9_102AESKW=E X9_102TDKW=F X9_102AKW1=10 X9_102AKW2=11 AEAD=12
            CertificateType: X_509=1 PGP=2
            CryptographicAlgorithm: DES=1 DES3=2 AES=3 RSA=4 DSA=5 ECDSA=6 HMAC_SHA1=7 HMAC_SHA224=8
              HMAC_SHA256=9 HMAC_SHA384=A HMAC_SHA512=B HMAC_MD5=C DH=D ECDH=E ECMQV=F Blowfish=10 Camellia=11
              CAST5=12 IDEA=13 MARS=14 RC2=15 RC4=16 RC5=17 SKIPJACK=18 Twofish=19 EC=1A OneTimePad=1B
              ChaCha20=1C Poly1305=1D ChaCha20Poly1305=1E SHA3_224=1F SHA3_256=20 SHA3_384=21 SHA3_512=22
              HMAC_SHA3_224=23 HMAC_SHA3_256=24 HMAC_SHA3_384=25 HMAC_SHA3_512=26 SHAKE_128=27 SHAKE_256=28
              ARIA=29 SEED=2A SM2=2B SM3=2C SM4=2D Ed25519=37 Ed448=38
            DigitalSignatureAlgorithm: MD2WithRSAEncryption=1 MD5WithRSAEncryption=2 SHA_1WithRSAEncryption=3
              SHA_224WithRSAEncryption=4 SHA_256WithRSAEncryption=5 SHA_384WithRSAEncryption=6
              SHA_512WithRSAEncryption=7 RSASSA_PSS=8 DSAWithSHA_1=9 DSAWithSHA224=A DSAWithSHA256=B
              ECDSAWithSHA_1=C ECDSAWithSHA224=D ECDSAWithSHA256=E ECDSAWithSHA384=F ECDSAWithSHA512=10
              SHA3_256WithRSAEncryption=11 SHA3_384WithRSAEncryption=12 SHA3_512WithRSAEncryption=13
            HashingAlgorithm: MD2=1 MD4=2 MD5=3 SHA_1=4 SHA_224=5 SHA_256=6 SHA_384=7 SHA_512=8 RIPEMD_160=9
              Tiger=A Whirlpool=B SHA_512_224=C SHA_512_256=D SHA3_224=E SHA3_256=F SHA3_384=10 SHA3_512=11
            InteropFunction: Begin=1 End=2 Reset=3
            KeyFormatType: Raw=1 Opaque=2 PKCS_1=3 PKCS_8=4 X_509=5 ECPrivateKey=6 TransparentSymmetricKey=7
              TransparentDSAPrivateKey=8 TransparentDSAPublicKey=9 TransparentRSAPrivateKey=A
              TransparentRSAPublicKey=B TransparentDHPrivateKey=C TransparentDHPublicKey=D
              TransparentECDSAPrivateKey=E TransparentECDSAPublicKey=F TransparentECDHPrivateKey=10
              TransparentECDHPublicKey=11 TransparentECMQVPrivateKey=12 TransparentECMQVPublicKey=13
              TransparentECPrivateKey=14 TransparentECPublicKey=15 PKCS_12=16
            LinkType: CertificateLink=101 PublicKeyLink=102 PrivateKeyLink=103 DerivationBaseObjectLink=104
              DerivedKeyLink=105 ReplacementObjectLink=106 ReplacedObjectLink=107 ParentLink=108 ChildLink=109
              PreviousLink=10A NextLink=10B PKCS_12CertificateLink=10C PKCS_12PasswordLink=10D
              WrappingKeyLink=10E
            MaskGenerator: MGF1=1
            NameType: UninterpretedTextString=1 URI=2
            ObjectType: Certificate=1 SymmetricKey=2 PublicKey=3 PrivateKey=4 SplitKey=5 Template=6
              SecretData=7 OpaqueObject=8 PGPKey=9 CertificateRequest=A
            OpaqueDataType:
            Operation: Create=1 CreateKeyPair=2 Register=3 ReKey=4 DeriveKey=5 Certify=6 ReCertify=7 Locate=8
              Check=9 Get=A GetAttributes=B GetAttributeList=C AddAttribute=D ModifyAttribute=E
              DeleteAttribute=F ObtainLease=10 GetUsageAllocation=11 Activate=12 Revoke=13 Destroy=14
              Archive=15 Recover=16 Validate=17 Query=18 Cancel=19 Poll=1A Notify=1B Put=1C ReKeyKeyPair=1D
              DiscoverVersions=1E Encrypt=1F Decrypt=20 Sign=21 SignatureVerify=22 MAC=23 MACVerify=24
              RNGRetrieve=25 RNGSeed=26 Hash=27 CreateSplitKey=28 JoinSplitKey=29 Import=2A Export=2B Log=2C
              Login=2D Logout=2E DelegatedLogin=2F AdjustAttribute=30 SetAttribute=31 SetEndpointRole=32
              PKCS_11=33 Interop=34 ReProvision=35
            PaddingMethod: None=1 OAEP=2 PKCS5=3 SSL3=4 Zeros=5 ANSIX9_23=6 ISO10126=7 PKCS1V1_5=8 X9_31=9
              PSS=A
            PKCS_11Function: C_Initialize=1 C_Finalize=2 C_GetInfo=3
            PKCS_11ReturnCode: OK=0
            ProtectionLevel: High=1 Low=2
            QueryFunction: QueryOperations=1 QueryObjects=2 QueryServerInformation=3
              QueryApplicationNamespaces=4 QueryExtensionList=5 QueryExtensionMap=6 QueryAttestationTypes=7
              QueryRNGs=8 QueryValidations=9 QueryProfiles=A QueryCapabilities=B
              QueryClientRegistrationMethods=C QueryDefaultsInformation=D QueryStorageProtectionMasks=E
            ResultReason: ItemNotFound=1 ResponseTooLarge=2 AuthenticationNotSuccessful=3 InvalidMessage=4
              OperationNotSupported=5 MissingData=6 InvalidField=7 FeatureNotSupported=8
              OperationCanceledByRequester=9 CryptographicFailure=A IllegalOperation=B PermissionDenied=C
              ObjectArchived=D IndexOutOfBounds=E ApplicationNamespaceNotSupported=F
              KeyFormatTypeNotSupported=10 KeyCompressionTypeNotSupported=11 EncodingOptionError=12
              KeyValueNotPresent=13 AttestationRequired=14 AttestationFailed=15 Sensitive=16
              NotExtractable=17 ObjectAlreadyExists=18 InvalidTicket=19 UsageLimitExceeded=1A
              NumericRange=1B InvalidDataType=1C ReadOnlyAttribute=1D MultiValuedAttribute=1E
              UnsupportedAttribute=1F AttributeInstanceNotFound=20 AttributeNotFound=21 AttributeReadOnly=22
              AttributeSingleValued=23 BadCryptographicParameters=24 BadPassword=25 CodecError=26
              IllegalObjectType=28 IncompatibleCryptographicUsageMask=29 InternalServerError=2A
              InvalidAsynchronousCorrelationValue=2B InvalidAttribute=2C InvalidAttributeValue=2D
              InvalidCorrelationValue=2E InvalidCSR=2F InvalidObjectType=30 KeyWrapTypeNotSupported=32
              MissingInitializationVector=34 NonUniqueNameAttribute=35 ObjectDestroyed=36 ObjectNotFound=37
              NotAuthorised=39 ServerLimitExceeded=3A UnknownEnumeration=3B UnknownMessageExtension=3C
              UnknownTag=3D UnsupportedCryptographicParameters=3E UnsupportedProtocolVersion=3F
              WrappingObjectArchived=40 WrappingObjectDestroyed=41 WrappingObjectNotFound=42
              WrongKeyLifecycleState=43 ProtectionStorageUnavailable=44 PKCS_11CodecError=45
              PKCS_11InvalidFunction=46 PKCS_11InvalidInterface=47 GeneralFailure=100
            ResultStatus: Success=0 OperationFailed=1 OperationPending=2 OperationUndone=3
            RevocationReasonCode: Unspecified=1 KeyCompromise=2 CACompromise=3 AffiliationChanged=4
              Superseded=5 CessationOfOperation=6 PrivilegeWithdrawn=7
            RNGAlgorithm: Unspecified=1 FIPS186_2=2 DRBG=3 NRBG=4 ANSIX9_31=5 ANSIX9_62=6
            SecretDataType: Password=1 Seed=2
            State: PreActive=1 Active=2 Deactivated=3 Compromised=4 Destroyed=5 DestroyedCompromised=6
            UsageLimitsUnit: Byte=1 Object=2
            ValidityIndicator: Valid=1 Invalid=2 Unknown=3
            WrappingMethod: Encrypt=1 MACSign=2 EncryptThenMACSign=3 MACSignThenEncrypt=4 TR_31=5
            """;

    // Integer items whose value the XML encoding may write as mask names
    private static final String MASKS = """
            CryptographicUsageMask: Sign=1 Verify=2 Encrypt=4 Decrypt=8 WrapKey=10 UnwrapKey=20 Export=40
              MACGenerate=80 MACVerify=100 DeriveKey=200 ContentCommitment=400 KeyAgreement=800
              CertificateSign=1000 CRLSign=2000 GenerateCryptogram=4000 ValidateCryptogram=8000
              TranslateEncrypt=10000 TranslateDecrypt=20000 TranslateWrap=40000 TranslateUnwrap=80000
              Authenticate=100000 Unrestricted=200000 FPEEncrypt=400000 FPEDecrypt=800000
            ProtectionStorageMask: Software=1 Hardware=2 OnProcessor=4 OnSystem=8 OffSystem=10 Hypervisor=20
              OperatingSystem=40 Container=80 OnPremises=100 OffPremises=200 SelfManaged=400 Outsourced=800
              Validated=1000 SameJurisdiction=2000
            StorageStatusMask: OnlineStorage=1 ArchivalStorage=2 DestroyedStorage=4
            """;

    private static final Map<String, String> ALIASES = Map.of(
            "MaskGeneratorHashingAlgorithm", "HashingAlgorithm",
            "ProtectionStorageMasks", "ProtectionStorageMask",
            "CommonProtectionStorageMasks", "ProtectionStorageMask",
            "PrivateProtectionStorageMasks", "ProtectionStorageMask",
            "PublicProtectionStorageMasks", "ProtectionStorageMask");

    /** Enumerations whose values are tag numbers, named as tags. */
    private static final Set<String> TAG_VALUED = Set.of("AttributeReference", "Tag", "ExtensionTag",
            "ExtensionParentStructureTag");

    private static final Map<String, Table> ENUMERATION_TABLES = parse(ENUMERATIONS);
    private static final Map<String, Table> MASK_TABLES = parse(MASKS);

    private KmipEnumerations() {
    }

    /**
     * The value of an enumeration value name, for an item with the given tag name.
     *
     * @return empty if the enumeration or the name is unknown
     */
    public static OptionalInt value(String enumerationTag, String valueName) {
        if (TAG_VALUED.contains(enumerationTag)) {
            return KmipTags.find(valueName).map(tag -> OptionalInt.of(tag.value())).orElse(OptionalInt.empty());
        }
        Table table = ENUMERATION_TABLES.get(canonical(enumerationTag));
        return table == null ? OptionalInt.empty() : table.value(valueName);
    }

    /** The name of an enumeration value, for an item with the given tag name, if the table has one. */
    public static Optional<String> name(String enumerationTag, int value) {
        if (TAG_VALUED.contains(enumerationTag)) {
            return Tag.isValid(value) ? KmipTags.name(Tag.of(value)) : Optional.empty();
        }
        Table table = ENUMERATION_TABLES.get(canonical(enumerationTag));
        return table == null ? Optional.empty() : table.name(value);
    }

    /** Whether values of items with this tag name are named (an enumeration the dictionary knows). */
    public static boolean isEnumeration(String tagName) {
        return TAG_VALUED.contains(tagName) || ENUMERATION_TABLES.containsKey(canonical(tagName));
    }

    /** Whether Integer items with this tag name may be written as mask names. */
    public static boolean isMask(String tagName) {
        return MASK_TABLES.containsKey(canonical(tagName));
    }

    /**
     * The bits of a mask written as names, e.g. {@code Encrypt Decrypt} or {@code Encrypt|Decrypt}.
     *
     * @return empty if the mask or one of the names is unknown
     */
    public static OptionalInt maskValue(String maskTag, String names) {
        Table table = MASK_TABLES.get(canonical(maskTag));
        if (table == null) {
            return OptionalInt.empty();
        }
        int bits = 0;
        for (String name : names.trim().split("[\\s|]+")) {
            OptionalInt bit = table.value(name);
            if (bit.isEmpty()) {
                return OptionalInt.empty();
            }
            bits |= bit.getAsInt();
        }
        return OptionalInt.of(bits);
    }

    /** A mask as names joined by spaces, lowest bit first; bits without a name make it empty. */
    public static Optional<String> maskNames(String maskTag, int bits) {
        Table table = MASK_TABLES.get(canonical(maskTag));
        if (table == null || bits == 0) {
            return Optional.empty();
        }
        StringJoiner names = new StringJoiner(" ");
        int remaining = bits;
        for (int bit = 1; bit != 0; bit <<= 1) {
            if ((bits & bit) != 0) {
                Optional<String> name = table.name(bit);
                if (name.isEmpty()) {
                    return Optional.empty();
                }
                names.add(name.get());
                remaining &= ~bit;
            }
        }
        return remaining == 0 ? Optional.of(names.toString()) : Optional.empty();
    }

    /**
     * The enumeration of a KMIP 1.x Attribute Value, from the Attribute Name beside it ("Cryptographic
     * Algorithm" gives {@code CryptographicAlgorithm}; "X.509 Certificate Subject" would give
     * {@code X_509CertificateSubject}).
     */
    public static String forAttributeName(String attributeName) {
        return attributeName.replace("PKCS#", "PKCS_").replace("X.509", "X_509").replace(" ", "");
    }

    /** The enumeration tag names the dictionary has tables for. */
    public static Set<String> enumerations() {
        return ENUMERATION_TABLES.keySet();
    }

    private static String canonical(String tagName) {
        return ALIASES.getOrDefault(tagName, tagName);
    }

    private static Map<String, Table> parse(String text) {
        Map<String, Table> tables = new LinkedHashMap<>();
        String current = null;
        Map<String, Integer> entries = null;
        for (String line : text.strip().split("\n")) {
            String content = line.strip();
            int colon = content.indexOf(':');
            if (!line.startsWith(" ") && colon > 0) {
                current = content.substring(0, colon);
                entries = new LinkedHashMap<>();
                tables.put(current, new Table(entries));
                content = content.substring(colon + 1).strip();
            }
            if (entries == null) {
                throw new IllegalStateException("enumeration table starts without a name: " + line);
            }
            for (String entry : content.isEmpty() ? List.<String>of() : List.of(content.split("\\s+"))) {
                String[] nameValue = entry.split("=");
                if (entries.put(nameValue[0], Integer.parseUnsignedInt(nameValue[1], 16)) != null) {
                    throw new IllegalStateException("duplicate name " + nameValue[0] + " in " + current);
                }
            }
        }
        tables.values().forEach(Table::index);
        return Collections.unmodifiableMap(tables);
    }

    private static final class Table {
        private final Map<String, Integer> byName;
        private final Map<Integer, String> byValue = new HashMap<>();

        Table(Map<String, Integer> byName) {
            this.byName = byName;
        }

        void index() {
            byName.forEach((name, value) -> {
                if (byValue.put(value, name) != null) {
                    throw new IllegalStateException("duplicate value " + value + " for " + name);
                }
            });
        }

        OptionalInt value(String name) {
            Integer value = byName.get(name);
            return value == null ? OptionalInt.empty() : OptionalInt.of(value);
        }

        Optional<String> name(int value) {
            return Optional.ofNullable(byValue.get(value));
        }
    }
}
