package org.keyhaven.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema to the version this build expects, before any service touches the database. Flyway owns the
 * schema; the same migrations run on H2 and PostgreSQL. Several servers sharing one database are safe: Flyway
 * takes a database lock while migrating.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseMigration {

    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    @Resource(lookup = "java:jboss/datasources/KeyhavenDS")
    private DataSource dataSource;

    @PostConstruct
    void migrate() {
        MigrateResult result = Migrations.flyway(dataSource).migrate();
        LOG.info(() -> "Keyhaven database schema at version " + result.targetSchemaVersion + " ("
                + result.migrationsExecuted + " migrations applied now)");
    }
}
