package org.lectern.node.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import org.springframework.web.bind.annotation.RestController;

/** The rules of STYLE.md for the node, in words a reader sees when one breaks. */
@AnalyzeClasses(packages = "org.lectern.node", importOptions = ImportOption.DoNotIncludeTests.class)
class NodeArchitectureTest {

    @ArchTest
    static final ArchRule hazelcastStaysInTheClusterPackage = noClasses()
            .that().resideOutsideOfPackage("org.lectern.node.cluster..")
            .should().dependOnClassesThat().resideInAPackage("com.hazelcast..")
            .because("Hazelcast sits behind small interfaces in one infrastructure package");

    @ArchTest
    static final ArchRule artemisStaysInTheMessagingPackage = noClasses()
            .that().resideOutsideOfPackage("org.lectern.node.messaging..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.activemq..")
            .because("the broker sits behind one infrastructure package");

    @ArchTest
    static final ArchRule infrastructureKnowsNoFeature = classes()
            .that().resideInAnyPackage("org.lectern.node.cluster..", "org.lectern.node.messaging..",
                    "org.lectern.node.balancer..", "org.lectern.node.transaction..")
            .should().onlyDependOnClassesThat(resideOutsideOfPackage("org.lectern.node..")
                    .or(resideInAnyPackage("org.lectern.node.cluster..", "org.lectern.node.messaging..",
                            "org.lectern.node.balancer..", "org.lectern.node.transaction..",
                            "org.lectern.node.web..")))
            .because("dependencies run one way: features use infrastructure, never the reverse");

    @ArchTest
    static final ArchRule drainIsOnTop = noClasses()
            .that().resideOutsideOfPackage("org.lectern.node.drain..")
            .should().dependOnClassesThat().resideInAPackage("org.lectern.node.drain..")
            .because("drain orchestrates balancer, messaging, scheduling and cluster; nothing depends on it");

    @ArchTest
    static final ArchRule repositoriesStayInsideTheirFeature = noClasses()
            .that().resideOutsideOfPackage("org.lectern.node.user..")
            .should().dependOnClassesThat().haveSimpleName("UserAccountRepository")
            .orShould().dependOnClassesThat().haveSimpleName("UserAccount")
            .because("other features reach users through UserDirectory and UserSummary");

    @ArchTest
    static final ArchRule entitiesNeverLeaveThroughTheWeb = methods()
            .that().areDeclaredInClassesThat().areAnnotatedWith(RestController.class)
            .should().notHaveRawReturnType(annotatedWith(Entity.class))
            .andShould(new ArchCondition<JavaMethod>("take no entity as a parameter") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    method.getRawParameterTypes().stream()
                            .filter(type -> type.isAnnotatedWith(Entity.class))
                            .forEach(type -> events.add(SimpleConditionEvent.violated(method,
                                    method.getFullName() + " takes the entity " + type.getName())));
                }
            })
            .because("REST speaks DTO records; entities stay in the service layer");

    @ArchTest
    static final ArchRule controllersDoNotReachRepositories = noClasses()
            .that().haveSimpleNameEndingWith("Controller")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
            .because("controllers are thin: they delegate to a feature's service");
}
