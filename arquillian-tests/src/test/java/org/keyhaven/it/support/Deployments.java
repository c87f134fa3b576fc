package org.keyhaven.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;

/** The real Keyhaven EAR, as built, for Arquillian to deploy. */
public final class Deployments {

    private Deployments() {
    }

    public static EnterpriseArchive keyhaven() {
        return ShrinkWrap.create(ZipImporter.class, "keyhaven.ear").importFrom(Suite.ear().toFile())
                .as(EnterpriseArchive.class);
    }

    /**
     * The real EAR plus a test-only EJB module holding the in-container test class and its probe beans (which see
     * every Keyhaven class, as the EAR's own modules do). Test only: never part of the product.
     */
    public static EnterpriseArchive keyhavenWithProbe(Class<?>... classes) {
        JavaArchive probe = ShrinkWrap.create(JavaArchive.class, "it-probe.jar")
                .addClasses(classes)
                .addClasses(Suite.class)
                .addPackages(true, "org.assertj")
                .addAsManifestResource(EmptyAsset.INSTANCE, "beans.xml");
        EnterpriseArchive ear = keyhaven();
        ear.addAsModule(Testable.archiveToTest(probe));
        ArchivePath descriptor = ArchivePath.class.cast(org.jboss.shrinkwrap.api.ArchivePaths.create(
                "META-INF/application.xml"));
        String applicationXml = read(ear, descriptor);
        ear.delete(descriptor);
        ear.add(new StringAsset(applicationXml.replace("</application>",
                "  <module><ejb>it-probe.jar</ejb></module>\n</application>")), descriptor);
        return ear;
    }

    private static String read(EnterpriseArchive ear, ArchivePath path) {
        try (InputStream in = ear.get(path).getAsset().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
