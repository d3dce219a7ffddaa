package org.gitlabaccess.ui;

import java.security.PublicKey;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.gitlabaccess.core.ssh.HostKeyDecision;
import org.gitlabaccess.core.ssh.KnownHosts;
import org.gitlabaccess.core.ssh.SshEndpoint;

/**
 * The wizard's host key dialogs, called from a worker thread that waits for the answer (the
 * dialog itself runs on the FX thread). A new host is asked about (trust / don't trust); a changed
 * or revoked key is only shown, with both fingerprints and the line to fix, and has nothing to accept.
 */
final class FxHostKeyDecision implements HostKeyDecision {
    /** Wide enough for a SHA256 fingerprint on one line. */
    private static final double DIALOG_WIDTH = 560;

    private final Messages m;

    FxHostKeyDecision(Messages m) {
        this.m = m;
    }

    @Override
    public boolean acceptNewHost(SshEndpoint endpoint, PublicKey key, String fingerprint) {
        return onFxThread(() -> {
            ButtonType trust = new ButtonType(m.get("hostkey.trust"), ButtonBar.ButtonData.OK_DONE);
            ButtonType refuse = new ButtonType(m.get("hostkey.refuse"), ButtonBar.ButtonData.CANCEL_CLOSE);
            Alert alert = new Alert(Alert.AlertType.CONFIRMATION, m.get("hostkey.text", endpoint.knownHostsName(),
                    KeyUtils.getKeyType(key), fingerprint), trust, refuse);
            alert.setTitle(m.get("hostkey.title"));
            alert.setHeaderText(m.get("hostkey.header", endpoint.knownHostsName()));
            alert.setGraphic(Icons.of(Icons.Kind.QUESTION, m, Icons.DIALOG));
            ownedByWizard(alert);
            ((Button) alert.getDialogPane().lookupButton(refuse)).setDefaultButton(true);
            ((Button) alert.getDialogPane().lookupButton(trust)).setDefaultButton(false);
            return alert.showAndWait().filter(trust::equals).isPresent();
        });
    }

    @Override
    public void hostKeyRefused(SshEndpoint endpoint, PublicKey key, String fingerprint, KnownHosts.Lookup lookup) {
        boolean revoked = lookup.status() == KnownHosts.Status.REVOKED;
        String recorded = lookup.entries().stream().map(KnownHosts.Entry::describe)
                .collect(Collectors.joining("\n"));
        String fix = lookup.entries().isEmpty() ? "" : lookup.entries().get(0).where();
        onFxThread(() -> {
            ButtonType close = new ButtonType(m.get("hostkey.changed.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
            Alert alert = new Alert(Alert.AlertType.ERROR, m.get(revoked ? "hostkey.revoked.text" : "hostkey.changed.text",
                    endpoint.knownHostsName(), KeyUtils.getKeyType(key) + " " + fingerprint, recorded, fix), close);
            alert.setTitle(m.get(revoked ? "hostkey.revoked.title" : "hostkey.changed.title"));
            alert.setHeaderText(m.get(revoked ? "hostkey.revoked.header" : "hostkey.changed.header",
                    endpoint.knownHostsName()));
            alert.getDialogPane().getStyleClass().add("host-key-changed");
            alert.setGraphic(Icons.of(Icons.Kind.FAIL, m, Icons.DIALOG));
            ownedByWizard(alert);
            alert.showAndWait();
            return true;
        });
    }

    /** Owned by the wizard and dressed like it: modal to it, centred on it, and the keyboard focus returns to it. */
    private static void ownedByWizard(Alert alert) {
        WizardStyle.apply(alert.getDialogPane());
        alert.getDialogPane().setPrefWidth(DIALOG_WIDTH);
        Window.getWindows().stream().filter(Window::isShowing)
                .filter(w -> w.getScene() != null && w.getScene().getRoot().getStyleClass().contains("wizard"))
                .findFirst().ifPresent(alert::initOwner);
    }

    private static boolean onFxThread(BooleanSupplier dialog) {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                answer.complete(dialog.getAsBoolean());
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        }
    }
}
