package org.gitlabaccess.ui;

import java.security.PublicKey;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.gitlabaccess.core.ssh.HostKeyDecision;
import org.gitlabaccess.core.ssh.SshEndpoint;

/**
 * Asks the user, in a dialog, whether to trust a host key seen for the first time. Called from a
 * worker thread, which waits for the answer; the dialog itself runs on the FX thread.
 */
final class FxHostKeyDecision implements HostKeyDecision {
    private final Messages m;

    FxHostKeyDecision(Messages m) {
        this.m = m;
    }

    @Override
    public boolean acceptNewHost(SshEndpoint endpoint, PublicKey key, String fingerprint) {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            ButtonType trust = new ButtonType(m.get("hostkey.trust"), ButtonBar.ButtonData.OK_DONE);
            ButtonType refuse = new ButtonType(m.get("hostkey.refuse"), ButtonBar.ButtonData.CANCEL_CLOSE);
            Alert alert = new Alert(Alert.AlertType.CONFIRMATION, m.get("hostkey.text", endpoint.knownHostsName(),
                    KeyUtils.getKeyType(key), fingerprint), trust, refuse);
            alert.setTitle(m.get("hostkey.title"));
            // Owned by the wizard: modal to it, centred on it, and the keyboard focus returns to it.
            javafx.stage.Window.getWindows().stream().filter(javafx.stage.Window::isShowing)
                    .filter(w -> w.getScene() != null && w.getScene().getRoot().getStyleClass().contains("wizard"))
                    .findFirst().ifPresent(alert::initOwner);
            alert.setHeaderText(m.get("hostkey.header", endpoint.knownHostsName()));
            ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(refuse)).setDefaultButton(true);
            ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(trust)).setDefaultButton(false);
            answer.complete(alert.showAndWait().filter(trust::equals).isPresent());
        });
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return false;
        }
    }
}
