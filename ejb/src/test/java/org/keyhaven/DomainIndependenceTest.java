package org.keyhaven;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Domain classes stay plain Java: no EJB, JAX-RS, Faces or Servlet types, so they run and are tested without a
 * container (STYLE.md, "Domain classes never import jakarta.ejb, jakarta.faces or jakarta.ws.rs").
 */
class DomainIndependenceTest {

    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.keyhaven");

    private static final List<String> NON_DOMAIN_KEY_SUFFIXES = List.of("Bean", "Repository", "Maintenance",
            "Scheduler", "Rewrap");
    private static final Set<String> DOMAIN_SEAL_CLASSES = Set.of("MasterKeyRing", "EmbeddedUnsealKey",
            "RowProtected");
    /**
     * The audit domain. Of the classes named AuditChain*, only {@code AuditChain} is domain: {@code AuditChainWriter}
     * ({@code @Stateless}) and {@code AuditChainer} ({@code @Singleton @Startup}) are EJBs despite the prefix.
     */
    private static final Set<String> DOMAIN_AUDIT_CLASSES = Set.of("AuditChain", "AuditContent", "AuditEvent",
            "StoredRecord");

    /**
     * The domain, by package and by the name of the top-level class (nested classes and lambdas belong to theirs).
     */
    static final DescribedPredicate<JavaClass> DOMAIN = DescribedPredicate.describe(
            "domain classes (key and approval except *Bean/*Repository/*Maintenance/*Scheduler/*Rewrap; crypto,"
                    + " crypto.ops; ca;"
                    + " common;"
                    + " audit AuditChain, AuditContent, AuditEvent, Chain*, StoredRecord;"
                    + " seal MasterKeyRing, EmbeddedUnsealKey, RowProtected; kmip.ttlv, kmip.spec, kmip.xml, kmip.message)",
            DomainIndependenceTest::isDomain);

    static boolean isDomain(JavaClass javaClass) {
        String name = javaClass.getName();
        int nested = name.indexOf('$');
        String topLevel = nested < 0 ? name : name.substring(0, nested);
        String simpleName = topLevel.substring(topLevel.lastIndexOf('.') + 1);
        return switch (javaClass.getPackageName()) {
            case "org.keyhaven.key", "org.keyhaven.approval" ->
                    NON_DOMAIN_KEY_SUFFIXES.stream().noneMatch(simpleName::endsWith);
            case "org.keyhaven.crypto", "org.keyhaven.crypto.ops", "org.keyhaven.common", "org.keyhaven.ca",
                    "org.keyhaven.kmip.ttlv", "org.keyhaven.kmip.spec", "org.keyhaven.kmip.xml",
                    "org.keyhaven.kmip.message" -> true;
            case "org.keyhaven.audit" -> simpleName.startsWith("Chain") || DOMAIN_AUDIT_CLASSES.contains(simpleName);
            case "org.keyhaven.seal" -> DOMAIN_SEAL_CLASSES.contains(simpleName);
            default -> false;
        };
    }

    @Test
    void domainClassesDoNotDependOnEjbJaxRsFacesOrServlet() {
        ArchRule rule = noClasses().that(DOMAIN).should().dependOnClassesThat()
                .resideInAnyPackage("jakarta.ejb..", "jakarta.ws.rs..", "jakarta.faces..", "jakarta.servlet..");

        rule.check(MAIN_CLASSES);
    }

    @Test
    void theDomainDefinitionSelectsTheClassesItMeans() {
        Set<String> domain = MAIN_CLASSES.stream().filter(DOMAIN).map(JavaClass::getSimpleName)
                .collect(Collectors.toSet());

        assertThat(domain).contains("KeyLifecycle", "ManagedKey", "KeyVersion", "KeySpec", "KeyState", "KeyService",
                "AesGcm", "SecretBytes", "Canonical", "KeyhavenException", "AuditChain", "AuditContent",
                "AuditEvent", "ChainVerifier", "StoredRecord", "MasterKeyRing", "EmbeddedUnsealKey", "RowProtected", "TtlvDecoder",
                "TtlvEncoder", "TtlvFrameReader", "TtlvStructure", "TtlvException");
        assertThat(domain).doesNotContain("KeyServiceBean", "KeyRepository", "KeyMaintenance",
                "KeyLifecycleScheduler", "KeyRewrap", "SealService", "MasterKeyHolder", "AuditService",
                "AdminUser", "Migrations", "AuditChainWriter", "AuditChainer");
    }
}
