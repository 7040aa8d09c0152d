package io.sagashop.customer.account;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface CustomerRepository extends JpaRepository<Customer, UUID> {

    /**
     * The customer a registration with this key created and the one that holds this
     * email: the same one, two, or none.
     */
    List<Customer> findByCreationKeyOrEmail(String creationKey, String email);

}
