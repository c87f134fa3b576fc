package org.keyhaven.kmip.spec;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.keyhaven.kmip.ttlv.Tag;

/**
 * Tag names and numbers from the tag tables of the KMIP 1.0 to 2.1 specifications, in the spelling of the KMIP
 * XML encoding (the spec's name with spaces removed, "PKCS#11" written {@code PKCS_11}). Covers every tag the
 * OASIS profile test cases use and the tags around them; a name or number outside the table is simply unknown
 * (the XML encoding then writes the tag as {@code 0x42xxxx}).
 *
 * <p>Invariant: names and numbers are each unique, so the table is a bijection.
 */
public final class KmipTags {

    // name and number, one per line, in number order
    private static final String TABLE = """
            ActivationDate 420001
            ApplicationData 420002
            ApplicationNamespace 420003
            ApplicationSpecificInformation 420004
            ArchiveDate 420005
            AsynchronousCorrelationValue 420006
            AsynchronousIndicator 420007
            Attribute 420008
            AttributeIndex 420009
            AttributeName 42000A
            AttributeValue 42000B
            Authentication 42000C
            BatchCount 42000D
            BatchErrorContinuationOption 42000E
            BatchItem 42000F
            BatchOrderOption 420010
            BlockCipherMode 420011
            CancellationResult 420012
            Certificate 420013
            CertificateRequest 420018
            CertificateRequestType 420019
            CertificateType 42001D
            CertificateValue 42001E
            CommonTemplateAttribute 42001F
            CompromiseDate 420020
            CompromiseOccurrenceDate 420021
            ContactInformation 420022
            Credential 420023
            CredentialType 420024
            CredentialValue 420025
            CriticalityIndicator 420026
            CRTCoefficient 420027
            CryptographicAlgorithm 420028
            CryptographicDomainParameters 420029
            CryptographicLength 42002A
            CryptographicParameters 42002B
            CryptographicUsageMask 42002C
            D 42002E
            DeactivationDate 42002F
            DerivationData 420030
            DerivationMethod 420031
            DerivationParameters 420032
            DestroyDate 420033
            Digest 420034
            DigestValue 420035
            EncryptionKeyInformation 420036
            G 420037
            HashingAlgorithm 420038
            InitialDate 420039
            InitializationVector 42003A
            IterationCount 42003C
            IVCounterNonce 42003D
            J 42003E
            Key 42003F
            KeyBlock 420040
            KeyCompressionType 420041
            KeyFormatType 420042
            KeyMaterial 420043
            KeyPartIdentifier 420044
            KeyValue 420045
            KeyWrappingData 420046
            KeyWrappingSpecification 420047
            LastChangeDate 420048
            LeaseTime 420049
            Link 42004A
            LinkType 42004B
            LinkedObjectIdentifier 42004C
            MACSignature 42004D
            MACSignatureKeyInformation 42004E
            MaximumItems 42004F
            MaximumResponseSize 420050
            MessageExtension 420051
            Modulus 420052
            Name 420053
            NameType 420054
            NameValue 420055
            ObjectGroup 420056
            ObjectType 420057
            Offset 420058
            OpaqueDataType 420059
            OpaqueDataValue 42005A
            OpaqueObject 42005B
            Operation 42005C
            OperationPolicyName 42005D
            P 42005E
            PaddingMethod 42005F
            PrimeExponentP 420060
            PrimeExponentQ 420061
            PrimeFieldSize 420062
            PrivateExponent 420063
            PrivateKey 420064
            PrivateKeyTemplateAttribute 420065
            PrivateKeyUniqueIdentifier 420066
            ProcessStartDate 420067
            ProtectStopDate 420068
            ProtocolVersion 420069
            ProtocolVersionMajor 42006A
            ProtocolVersionMinor 42006B
            PublicExponent 42006C
            PublicKey 42006D
            PublicKeyTemplateAttribute 42006E
            PublicKeyUniqueIdentifier 42006F
            PutFunction 420070
            Q 420071
            QString 420072
            QLength 420073
            QueryFunction 420074
            RecommendedCurve 420075
            ReplacedUniqueIdentifier 420076
            RequestHeader 420077
            RequestMessage 420078
            RequestPayload 420079
            ResponseHeader 42007A
            ResponseMessage 42007B
            ResponsePayload 42007C
            ResultMessage 42007D
            ResultReason 42007E
            ResultStatus 42007F
            RevocationMessage 420080
            RevocationReason 420081
            RevocationReasonCode 420082
            KeyRoleType 420083
            Salt 420084
            SecretData 420085
            SecretDataType 420086
            ServerInformation 420088
            SplitKey 420089
            SplitKeyMethod 42008A
            SplitKeyParts 42008B
            SplitKeyThreshold 42008C
            State 42008D
            StorageStatusMask 42008E
            SymmetricKey 42008F
            Template 420090
            TemplateAttribute 420091
            TimeStamp 420092
            UniqueBatchItemID 420093
            UniqueIdentifier 420094
            UsageLimits 420095
            UsageLimitsCount 420096
            UsageLimitsTotal 420097
            UsageLimitsUnit 420098
            Username 420099
            ValidityDate 42009A
            ValidityIndicator 42009B
            VendorExtension 42009C
            VendorIdentification 42009D
            WrappingMethod 42009E
            X 42009F
            Y 4200A0
            Password 4200A1
            DeviceIdentifier 4200A2
            EncodingOption 4200A3
            ExtensionInformation 4200A4
            ExtensionName 4200A5
            ExtensionTag 4200A6
            ExtensionType 4200A7
            Fresh 4200A8
            MachineIdentifier 4200A9
            MediaIdentifier 4200AA
            NetworkIdentifier 4200AB
            ObjectGroupMember 4200AC
            CertificateLength 4200AD
            DigitalSignatureAlgorithm 4200AE
            CertificateSerialNumber 4200AF
            DeviceSerialNumber 4200B0
            IssuerAlternativeName 4200B1
            IssuerDistinguishedName 4200B2
            SubjectAlternativeName 4200B3
            SubjectDistinguishedName 4200B4
            X_509CertificateIdentifier 4200B5
            X_509CertificateIssuer 4200B6
            X_509CertificateSubject 4200B7
            KeyValueLocation 4200B8
            KeyValueLocationValue 4200B9
            KeyValueLocationType 4200BA
            KeyValuePresent 4200BB
            OriginalCreationDate 4200BC
            PGPKey 4200BD
            PGPKeyVersion 4200BE
            AlternativeName 4200BF
            AlternativeNameValue 4200C0
            AlternativeNameType 4200C1
            Data 4200C2
            SignatureData 4200C3
            DataLength 4200C4
            RandomIV 4200C5
            MACData 4200C6
            AttestationType 4200C7
            Nonce 4200C8
            NonceID 4200C9
            NonceValue 4200CA
            AttestationMeasurement 4200CB
            AttestationAssertion 4200CC
            IVLength 4200CD
            TagLength 4200CE
            FixedFieldLength 4200CF
            CounterLength 4200D0
            InitialCounterValue 4200D1
            InvocationFieldLength 4200D2
            AttestationCapableIndicator 4200D3
            OffsetItems 4200D4
            LocatedItems 4200D5
            CorrelationValue 4200D6
            InitIndicator 4200D7
            FinalIndicator 4200D8
            RNGParameters 4200D9
            RNGAlgorithm 4200DA
            DRBGAlgorithm 4200DB
            FIPS186Variation 4200DC
            PredictionResistance 4200DD
            RandomNumberGenerator 4200DE
            ValidationInformation 4200DF
            ProfileInformation 4200EB
            ProfileName 4200EC
            ServerURI 4200ED
            ServerPort 4200EE
            CapabilityInformation 4200F7
            KeyWrapType 4200F8
            BatchUndoCapability 4200F9
            BatchContinueCapability 4200FA
            PKCS_12FriendlyName 4200FB
            Description 4200FC
            Comment 4200FD
            AuthenticatedEncryptionAdditionalData 4200FE
            AuthenticatedEncryptionTag 4200FF
            SaltLength 420100
            MaskGenerator 420101
            MaskGeneratorHashingAlgorithm 420102
            PSource 420103
            TrailerField 420104
            ClientCorrelationValue 420105
            ServerCorrelationValue 420106
            DigestedData 420107
            CertificateSubjectCN 420108
            CertificateSubjectO 420109
            CertificateSubjectOU 42010A
            CertificateSubjectEmail 42010B
            CertificateSubjectC 42010C
            CertificateSubjectST 42010D
            CertificateSubjectL 42010E
            CertificateSubjectUID 42010F
            CertificateSubjectSerialNumber 420110
            CertificateSubjectTitle 420111
            CertificateSubjectDC 420112
            CertificateSubjectDNQualifier 420113
            CertificateIssuerCN 420114
            CertificateIssuerO 420115
            CertificateIssuerOU 420116
            CertificateIssuerEmail 420117
            CertificateIssuerC 420118
            CertificateIssuerST 420119
            CertificateIssuerL 42011A
            CertificateIssuerUID 42011B
            CertificateIssuerSerialNumber 42011C
            CertificateIssuerTitle 42011D
            CertificateIssuerDC 42011E
            CertificateIssuerDNQualifier 42011F
            Sensitive 420120
            AlwaysSensitive 420121
            Extractable 420122
            NeverExtractable 420123
            ReplaceExisting 420124
            Attributes 420125
            CommonAttributes 420126
            PrivateKeyAttributes 420127
            PublicKeyAttributes 420128
            ExtensionEnumeration 420129
            ExtensionAttribute 42012A
            ExtensionParentStructureTag 42012B
            ExtensionDescription 42012C
            ServerName 42012D
            ServerSerialNumber 42012E
            ServerVersion 42012F
            ServerLoad 420130
            ProductName 420131
            BuildLevel 420132
            BuildDate 420133
            ClusterInfo 420134
            AlternateFailoverEndpoints 420135
            ShortUniqueIdentifier 420136
            Reserved 420137
            Tag 420138
            CertificateRequestUniqueIdentifier 420139
            NISTKeyType 42013A
            AttributeReference 42013B
            CurrentAttribute 42013C
            NewAttribute 42013D
            CertificateRequestValue 420140
            LogMessage 420141
            ProfileVersion 420142
            ProfileVersionMajor 420143
            ProfileVersionMinor 420144
            ProtectionLevel 420145
            ProtectionPeriod 420146
            QuantumSafe 420147
            QuantumSafeCapability 420148
            Ticket 420149
            TicketType 42014A
            TicketValue 42014B
            RequestCount 42014C
            Rights 42014D
            Objects 42014E
            Operations 42014F
            Right 420150
            EndpointRole 420151
            DefaultsInformation 420152
            ObjectDefaults 420153
            Ephemeral 420154
            ServerHashedPassword 420155
            OneTimePassword 420156
            HashedPassword 420157
            AdjustmentType 420158
            PKCS_11Interface 420159
            PKCS_11Function 42015A
            PKCS_11InputParameters 42015B
            PKCS_11OutputParameters 42015C
            PKCS_11ReturnCode 42015D
            ProtectionStorageMask 42015E
            ProtectionStorageMasks 42015F
            InteropFunction 420160
            InteropIdentifier 420161
            AdjustmentValue 420162
            CommonProtectionStorageMasks 420163
            PrivateProtectionStorageMasks 420164
            PublicProtectionStorageMasks 420165
            """;

    private static final Map<String, Tag> BY_NAME;
    private static final Map<Tag, String> BY_TAG;

    static {
        Map<String, Tag> byName = new HashMap<>();
        Map<Tag, String> byTag = new HashMap<>();
        for (String line : TABLE.strip().split("\n")) {
            String[] fields = line.strip().split(" ");
            Tag tag = Tag.of(Integer.parseInt(fields[1], 16));
            if (byName.put(fields[0], tag) != null || byTag.put(tag, fields[0]) != null) {
                throw new IllegalStateException("duplicate tag table entry " + line);
            }
        }
        BY_NAME = Collections.unmodifiableMap(byName);
        BY_TAG = Collections.unmodifiableMap(byTag);
    }

    private KmipTags() {
    }

    /** The tag of an XML element name such as {@code BatchItem}, or of a hex form such as {@code 0x42000F}. */
    public static Optional<Tag> find(String name) {
        if (name.startsWith("0x") || name.startsWith("0X")) {
            try {
                int value = Integer.parseInt(name.substring(2), 16);
                return Tag.isValid(value) ? Optional.of(Tag.of(value)) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /**
     * The tag of a name the table must hold; for constants in code.
     *
     * @throws IllegalArgumentException if the table has no such name
     */
    public static Tag require(String name) {
        Tag tag = BY_NAME.get(name);
        if (tag == null) {
            throw new IllegalArgumentException("no KMIP tag named " + name);
        }
        return tag;
    }

    /** The XML name of a tag, if the table has one. */
    public static Optional<String> name(Tag tag) {
        return Optional.ofNullable(BY_TAG.get(tag));
    }

    /** The name, or the hex form the XML encoding uses for tags without one. */
    public static String nameOrHex(Tag tag) {
        return name(tag).orElseGet(tag::toString);
    }

    public static Set<String> names() {
        return BY_NAME.keySet();
    }
}
