package org.gitlabaccess.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.gitlabaccess.core.gitlab.oauth.BrowserOpener;
import org.gitlabaccess.core.io.Environment;

/** Runs the command line in-process against a sandbox home, capturing what it prints. */
public final class CliRunner {
    private final Map<String, String> env = new HashMap<>();
    private final Properties properties = new Properties();
    private String stdin = "";
    private CliContext.WizardStarter wizard = options -> {
        throw new AssertionError("the wizard was not expected to open");
    };

    private BrowserOpener browser = url -> {
        throw new AssertionError("the browser was not expected to open");
    };

    public CliRunner browser(BrowserOpener opener) {
        this.browser = opener;
        return this;
    }

    private Prompter prompter = Prompter.NONE;

    public CliRunner(Path home) {
        env.put("HOME", home.toString());
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    }

    public CliRunner env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** A system property for this run only (over the JVM's own). */
    public CliRunner property(String name, String value) {
        properties.setProperty(name, value);
        return this;
    }

    public CliRunner stdin(String text) {
        this.stdin = text;
        return this;
    }

    /** The person at the terminal (default: none, as under CI: nothing is asked). */
    public CliRunner prompter(Prompter answers) {
        this.prompter = answers;
        return this;
    }

    public CliRunner wizard(CliContext.WizardStarter starter) {
        this.wizard = starter;
        return this;
    }

    /** What a run printed and returned. */
    public record Result(int exitCode, String out, String err) {
        public String all() {
            return out + err;
        }
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Properties props = new Properties();
        props.putAll(System.getProperties());
        props.putAll(properties);
        Environment environment = new Environment(env, props);
        CliContext ctx = new CliContext(environment, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true), wizard, browser, prompter);
        int code = new Cli(ctx).run(args);
        return new Result(code, out.toString(), err.toString());
    }
}
