package org.keyhaven.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The Flyway migrations on the two databases Keyhaven supports: an in-memory H2 (the version WildFly ships) always,
 * and a throwaway PostgreSQL database when a server answers on 127.0.0.1:5432.
 */
class MigrationsTest {

    private static final Set<String> TABLES = Set.of("kh_setting", "kh_master_key", "kh_system_secret",
            "kh_managed_key", "kh_key_version", "kh_key_attribute", "kh_admin_user", "kh_admin_user_role",
            "kh_audit_record", "kh_audit_head", "kh_schema_history");
    private static final String AUDIT_SEQUENCE = "kh_audit_id_seq";
    private static final String POSTGRES_HOST = "127.0.0.1";
    private static final int POSTGRES_PORT = 5432;

    @Test
    void migratingAnEmptyH2DatabaseCreatesTheSchemaAndASecondRunIsANoOp() throws SQLException {
        String name = "kh-migrations-" + UUID.randomUUID();
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        try {
            assertMigratesOnceAndThenNoMore(h2, "SELECT INCREMENT FROM INFORMATION_SCHEMA.SEQUENCES"
                    + " WHERE LOWER(SEQUENCE_NAME) = '" + AUDIT_SEQUENCE + "'");
        } finally {
            try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            }
        }
    }

    @Test
    void migratingAFreshPostgresqlDatabaseCreatesTheSchemaAndASecondRunIsANoOp() throws SQLException {
        assumeTrue(postgresqlAnswers(), "no PostgreSQL with trust authentication on " + POSTGRES_HOST + ":"
                + POSTGRES_PORT);
        String database = "kh_unit_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection admin = postgres("postgres").getConnection(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        try {
            assertMigratesOnceAndThenNoMore(postgres(database), "SELECT increment FROM information_schema.sequences"
                    + " WHERE sequence_name = '" + AUDIT_SEQUENCE + "'");
        } finally {
            try (Connection admin = postgres("postgres").getConnection();
                    Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    /**
     * @param sequenceIncrementQuery selects the increment of the audit id sequence, in the database's own catalogue
     */
    private static void assertMigratesOnceAndThenNoMore(DataSource dataSource, String sequenceIncrementQuery)
            throws SQLException {
        Flyway flyway = Migrations.flyway(dataSource);

        MigrateResult first = flyway.migrate();

        assertThat(first.success).isTrue();
        assertThat(first.migrationsExecuted).isEqualTo(first.migrations.size()).isPositive();
        assertThat(first.initialSchemaVersion).isNull();
        assertThat(tables(dataSource)).containsAll(TABLES);
        assertThat(sequenceIncrement(dataSource, sequenceIncrementQuery))
                .as("the allocationSize of the @SequenceGenerator on AuditRecord").isEqualTo(50);

        MigrateResult second = Migrations.flyway(dataSource).migrate();

        assertThat(second.success).isTrue();
        assertThat(second.migrationsExecuted).isZero();
        assertThat(second.initialSchemaVersion).isEqualTo(first.targetSchemaVersion);
        assertThat(Migrations.flyway(dataSource).info().pending()).isEmpty();
        Migrations.flyway(dataSource).validate();
        assertThatThrownBy(() -> Migrations.flyway(dataSource).clean()).as("clean must stay disabled")
                .isInstanceOf(FlywayException.class);
        assertThat(tables(dataSource)).containsAll(TABLES);
    }

    private static Set<String> tables(DataSource dataSource) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            try (ResultSet rows = metaData.getTables(null, null, "%", new String[] {"TABLE", "BASE TABLE"})) {
                while (rows.next()) {
                    String schema = rows.getString("TABLE_SCHEM");
                    if (schema != null && schema.equalsIgnoreCase("INFORMATION_SCHEMA")) {
                        continue;
                    }
                    names.add(rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }

    private static long sequenceIncrement(DataSource dataSource, String query) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(query)) {
            assertThat(row.next()).as("sequence %s exists", AUDIT_SEQUENCE).isTrue();
            return row.getLong(1);
        }
    }

    private static PGSimpleDataSource postgres(String database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {POSTGRES_HOST});
        dataSource.setPortNumbers(new int[] {POSTGRES_PORT});
        dataSource.setDatabaseName(database);
        dataSource.setUser("postgres");
        dataSource.setConnectTimeout(2);
        dataSource.setLoginTimeout(2);
        return dataSource;
    }

    private static boolean postgresqlAnswers() {
        try (Connection connection = postgres("postgres").getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
