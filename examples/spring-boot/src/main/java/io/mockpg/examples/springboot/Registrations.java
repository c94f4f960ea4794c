package io.mockpg.examples.springboot;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers customers all or nothing. */
@Service
public class Registrations {
    private final CustomerRepository customers;

    public Registrations(CustomerRepository customers) {
        this.customers = customers;
    }

    @Transactional
    public void registerAll(List<String> emails) {
        for (String email : emails) {
            customers.saveAndFlush(new Customer(email));
        }
    }
}
