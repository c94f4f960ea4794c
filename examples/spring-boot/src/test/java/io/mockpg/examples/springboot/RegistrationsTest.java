package io.mockpg.examples.springboot;

import static io.mockpg.MockPgDsl.column;
import static io.mockpg.MockPgDsl.rows;
import static io.mockpg.MockPgDsl.statement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mockpg.JournalEntry;
import io.mockpg.MockPgServer;
import io.mockpg.junit5.MockPg;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

// doc:start registrations
@SpringBootTest
@MockPg(scripts = "classpath:shop.yaml")
class RegistrationsTest {

    @DynamicPropertySource
    static void pointTheDataSourceAtMockpg(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> System.getProperty("mockpg.jdbc-url"));
        registry.add("spring.datasource.username", () -> "app");
    }

    @Autowired CustomerRepository customers;
    @Autowired Registrations registrations;

    @Test
    void savesACustomerWithTheIdentityTheDatabaseReturns() {
        Customer ada = customers.save(new Customer("ada@example.com"));

        assertThat(ada.getId()).isEqualTo(1L);
    }

    @Test
    void aTakenEmailIsADataIntegrityViolation() {
        assertThatThrownBy(() -> customers.saveAndFlush(new Customer("taken@example.com")))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("customer_email_key");
    }

    @Test
    void aFailedRegistrationRollsBackTheWholeBatch(MockPgServer server) {
        assertThatThrownBy(() -> registrations.registerAll(List.of("bob@example.com", "taken@example.com")))
                .isInstanceOf(DataIntegrityViolationException.class);

        List<String> sent = server.journal().stream().map(JournalEntry::sql).toList();
        assertThat(sent).containsSubsequence("BEGIN", "insert into customer (email) values ($1)\nRETURNING *",
                "insert into customer (email) values ($1)\nRETURNING *", "ROLLBACK");
        assertThat(sent).doesNotContain("COMMIT");
    }

    @Test
    void aStubWrittenInJavaAnswersNextToItsTest(MockPgServer server) {
        String insert = "insert into customer (email) values ($1) RETURNING *";
        server.stub(statement(insert).withParams("eve@example.com")
                .willReturn(rows(column("id", "int8"), column("email", "text")).row(7L, "eve@example.com")));

        assertThat(customers.save(new Customer("eve@example.com")).getId()).isEqualTo(7L);
        server.verify(1, statement(insert).withParams("eve@example.com").committed());
    }
}
// doc:end registrations
