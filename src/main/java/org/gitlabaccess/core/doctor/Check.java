package org.gitlabaccess.core.doctor;

/** One diagnosis, named by its {@link CheckId}. Reads the machine and the instance, changes nothing. */
public interface Check {
    CheckId id();

    CheckResult run(DoctorContext context);
}
