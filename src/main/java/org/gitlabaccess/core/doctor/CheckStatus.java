package org.gitlabaccess.core.doctor;

/** A check's verdict; the JSON contract spells them in lower case. */
public enum CheckStatus { OK, WARN, FAIL, SKIP }
