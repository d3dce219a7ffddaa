package org.gitlabaccess.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.gitlabaccess.core.HostInput;

/** The welcome step's state: the GitLab host the user wants to reach. */
public final class WelcomeViewModel {
    static final String DEFAULT_HOST = "https://gitlab.com";

    private final StringProperty host = new SimpleStringProperty();
    private final BooleanBinding hostValid;

    public WelcomeViewModel(String initialHost) {
        host.set(initialHost == null || initialHost.isBlank() ? DEFAULT_HOST : initialHost);
        hostValid = Bindings.createBooleanBinding(() -> HostInput.looksValid(host.get()), host);
    }

    public StringProperty hostProperty() {
        return host;
    }

    public BooleanBinding hostValidProperty() {
        return hostValid;
    }
}
