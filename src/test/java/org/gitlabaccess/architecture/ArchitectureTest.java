package org.gitlabaccess.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.gitlabaccess.core.setup.SetupState;
import org.gitlabaccess.core.setup.SetupStep;

/** The layering README's Architecture section describes, enforced on the production classes. */
@AnalyzeClasses(packages = "org.gitlabaccess", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    /** The core is everything the product knows; the faces come and go. */
    @ArchTest
    static final ArchRule coreKnowsNoFace = noClasses().that().resideInAPackage("org.gitlabaccess.core..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..", "picocli..",
                    "org.gitlabaccess.ui..", "org.gitlabaccess.cli..");

    /** The wizard and the command line meet only in the core. */
    @ArchTest
    static final ArchRule wizardDoesNotUseTheCommandLine = noClasses().that().resideInAPackage("org.gitlabaccess.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("org.gitlabaccess.cli..", "picocli..");

    /** The faces drive the one SetupSession: none builds, plans or runs a step of its own. */
    @ArchTest
    static final ArchRule facesDoNotRunSteps = noClasses().that().resideInAnyPackage("org.gitlabaccess.ui..",
                    "org.gitlabaccess.cli..")
            .should().dependOnClassesThat().implement(SetupStep.class)
            .orShould().dependOnClassesThat().belongToAnyOf(SetupStep.class, SetupState.class);

    @ArchTest
    static final ArchRule commandLineDoesNotUseTheWizard = noClasses().that().resideInAPackage("org.gitlabaccess.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("org.gitlabaccess.ui..", "javafx..", "org.controlsfx..",
                    "atlantafx..");

    /** The doctor's machinery knows no check: the checks use it, and the list of them lives beside them. */
    @ArchTest
    static final ArchRule doctorDoesNotKnowItsChecks = noClasses().that().resideInAPackage("org.gitlabaccess.core.doctor")
            .should().dependOnClassesThat().resideInAPackage("org.gitlabaccess.core.doctor.checks");

    /** Packages depend on each other one way: each can be understood, and changed, without the ones above it. */
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.gitlabaccess.(**)").should().beFreeOfCycles();
}
