package org.lectern.console.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.lectern.console", importOptions = ImportOption.DoNotIncludeTests.class)
class ConsoleArchitectureTest {

    @ArchTest
    static final ArchRule viewModelsShouldNotTouchControls = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel").or().haveSimpleNameEndingWith("Row")
            .or().haveSimpleName("Operation").or().resideInAPackage("org.lectern.console.connection")
            .and().haveSimpleNameNotEndingWith("View").and().haveSimpleNameNotEndingWith("Dialog")
            .and().haveSimpleNameNotEndingWith("TableRow")
            .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
            .because("view-models are tested with plain JUnit and views only bind to them");

    @ArchTest
    static final ArchRule hazelcastShouldStayInConnection = noClasses()
            .that().resideOutsideOfPackage("org.lectern.console.connection..")
            .should().dependOnClassesThat().resideInAPackage("com.hazelcast..")
            .because("ClusterConnection is the one place that talks to the cluster");

    @ArchTest
    static final ArchRule noClassShouldSleep = noClasses()
            .should().callMethodWhere(target(name("sleep")).and(target(owner(assignableTo(Thread.class)))))
            .because("waiting belongs to the FX timeline or Hazelcast's own threads");

    @ArchTest
    static final ArchRule noClassShouldStartItsOwnThreads = noClasses()
            .should().callConstructorWhere(target(owner(assignableTo(Thread.class))))
            .because("work leaves the FX thread only through the BackgroundExecutor");
}
