package io.sagashop.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture as tests over the main classes of every module: each deployable stands
 * alone (services never call each other in code, only the worker and the gateway reach
 * them over HTTP), the shared modules depend on no deployable, workflow code is
 * deterministic, and no two packages depend on each other.
 */
class ArchitectureTest {

    /** The root package of each deployable. */
    private static final List<String> DEPLOYABLES = List.of("io.sagashop.customer", "io.sagashop.inventory",
            "io.sagashop.order", "io.sagashop.payment", "io.sagashop.notification", "io.sagashop.auth",
            "io.sagashop.gateway", "io.sagashop.worker", "io.sagashop.launcher");

    /**
     * Modules whose classes are checked; their compiled main classes are in
     * {@code <module>/target/classes}.
     */
    private static final List<String> MODULES = List.of("http-problems", "service-support", "order-contracts",
            "customer-service", "inventory-service", "order-service", "payment-service", "notification-service",
            "auth-server", "gateway", "order-workflow-worker", "launcher");

    /**
     * The workflow and what it is made of: replayed on every worker, so it must compute
     * the same each time.
     */
    private static final String[] WORKFLOW_CODE = { "io.sagashop.worker.saga..", "io.sagashop.contracts.." };

    private static final JavaClasses CLASSES = new ClassFileImporter().importPaths(mainClassFolders());

    private static List<Path> mainClassFolders() {
        Path repository = Path.of(System.getProperty("sagashop.repository", ".."));
        List<Path> folders = MODULES.stream()
            .map(module -> repository.resolve(module).resolve("target/classes"))
            .toList();
        folders.stream().filter(folder -> !Files.isDirectory(folder)).findFirst().ifPresent(missing -> {
            throw new IllegalStateException(
                    "No compiled classes at " + missing + ": run through Maven (./mvnw verify)");
        });
        return folders;
    }

    @ParameterizedTest
    @ValueSource(strings = { "io.sagashop.customer", "io.sagashop.inventory", "io.sagashop.order",
            "io.sagashop.payment", "io.sagashop.notification", "io.sagashop.auth", "io.sagashop.gateway",
            "io.sagashop.worker", "io.sagashop.launcher" })
    void aDeployableDependsOnNoOtherDeployable(String deployable) {
        String[] others = DEPLOYABLES.stream()
            .filter(other -> !other.equals(deployable))
            .map(other -> other + "..")
            .toArray(String[]::new);
        noClasses().that()
            .resideInAPackage(deployable + "..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(others)
            .because("each deployable runs on its own: they meet over HTTP and Temporal, never in code")
            .check(CLASSES);
    }

    @Test
    void theSharedModulesDependOnNoDeployable() {
        noClasses().that()
            .resideInAnyPackage("io.sagashop.problem..", "io.sagashop.support..", "io.sagashop.contracts..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(DEPLOYABLES.stream().map(root -> root + "..").toArray(String[]::new))
            .because("contracts and support sit at the bottom of the module graph")
            .check(CLASSES);
    }

    @Test
    void workflowCodeDoesNoIoAndStartsNoThread() {
        noClasses().that()
            .resideInAnyPackage(WORKFLOW_CODE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("java.io..", "java.net..", "java.nio..", "java.sql..", "java.util.concurrent..",
                    "org.springframework.web..", "org.springframework.http..")
            .orShould()
            .dependOnClassesThat()
            .belongToAnyOf(Thread.class, ThreadLocal.class, Clock.class, Random.class)
            .because("a workflow is replayed: side effects belong in activities, waiting in Workflow.sleep "
                    + "or Workflow.await")
            .check(CLASSES);
    }

    @Test
    void workflowCodeReadsNoClockAndNoRandomness() {
        ArchRule rule = noClasses().that()
            .resideInAnyPackage(WORKFLOW_CODE)
            .should()
            .callMethod(System.class, "currentTimeMillis")
            .orShould()
            .callMethod(System.class, "nanoTime")
            .orShould()
            .callMethod(Instant.class, "now")
            .orShould()
            .callMethod(LocalDate.class, "now")
            .orShould()
            .callMethod(LocalDateTime.class, "now")
            .orShould()
            .callMethod(OffsetDateTime.class, "now")
            .orShould()
            .callMethod(ZonedDateTime.class, "now")
            .orShould()
            .callMethod(UUID.class, "randomUUID")
            .orShould()
            .callMethod(Math.class, "random")
            .because("a replay must see the same time and the same ids: Workflow.currentTimeMillis() and "
                    + "Workflow.randomUUID() are recorded in the history");
        rule.check(CLASSES);
    }

    @Test
    void testClassesEndInTest() {
        Path repository = Path.of(System.getProperty("sagashop.repository", ".."));
        JavaClasses tests = new ClassFileImporter().importPaths(MODULES.stream()
            .map(module -> repository.resolve(module).resolve("target/test-classes"))
            .filter(Files::isDirectory)
            .toList());
        methods().that()
            .areAnnotatedWith(Test.class)
            .or()
            .areAnnotatedWith(ParameterizedTest.class)
            .should()
            .beDeclaredInClassesThat()
            .haveSimpleNameEndingWith("Test")
            .because("one naming rule: a module's tests end in Test (surefire), the system tests in IT " + "(failsafe)")
            .check(tests);
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching("io.sagashop.(**)").should().beFreeOfCycles().check(CLASSES);
    }

}
