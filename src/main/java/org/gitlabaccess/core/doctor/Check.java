package org.gitlabaccess.core.doctor;

/**
 * One diagnosis with a stable id (scripts depend on it: add new ones, never rename). Reads the
 * machine and the instance, changes nothing.
 */
public interface Check {
    String id();

    CheckResult run(DoctorContext context);
}
