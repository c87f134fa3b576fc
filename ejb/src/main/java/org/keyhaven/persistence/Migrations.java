package org.keyhaven.persistence;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The one Flyway configuration, shared by the server and the migration tests. */
public final class Migrations {

    private Migrations() {
    }

    public static Flyway flyway(DataSource dataSource) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .table("kh_schema_history")
                .cleanDisabled(true)
                .validateMigrationNaming(true)
                .load();
    }
}
