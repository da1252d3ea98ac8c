package org.lectern.shared.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The contract between node and console stays plain Java, so either side can change its frameworks alone. */
@AnalyzeClasses(packages = "org.lectern.shared", importOptions = ImportOption.DoNotIncludeTests.class)
class SharedModelArchitectureTest {

    @ArchTest
    static final ArchRule sharedModelShouldDependOnNoFramework = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "jakarta.persistence..", "com.hazelcast..", "javafx..")
            .because("shared-model is the plain contract between node and console");

    @ArchTest
    static final ArchRule recordsShouldBeTheOnlyDataCarriers = classes()
            .that().resideInAPackage("org.lectern.shared..")
            .and().areNotEnums()
            .and().areNotRecords()
            .and().areTopLevelClasses()
            .should().haveOnlyPrivateConstructors()
            .because("shared-model carries data only in immutable records; other classes hold constants");
}
