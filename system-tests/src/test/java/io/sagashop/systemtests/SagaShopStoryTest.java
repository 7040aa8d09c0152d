package io.sagashop.systemtests;

import org.junit.jupiter.api.TestInstance;

import io.sagashop.systemtests.shop.OrderRuns;
import io.sagashop.systemtests.shop.SagaShopSystem;
import io.sagashop.systemtests.shop.ShopClient;
import io.sagashop.systemtests.shop.ShopDatabases;

/**
 * A test of shoppers' stories against the running system, which is started once for all
 * of them: the gateway's HTTP API to act, the services' databases and the Temporal server
 * to check what happened.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SagaShopStoryTest {

    protected final SagaShopSystem system = SagaShopSystem.shared();

    protected final ShopClient shop = new ShopClient(system.gateway());

    protected final ShopDatabases databases = new ShopDatabases(system);

    protected final OrderRuns runs = new OrderRuns(system.workflowClient());

}
