package org.lectern.console.connection;

import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lectern.console.operations.OperatorCredential;
import org.lectern.console.ui.BackgroundExecutor;

/**
 * State of the connection dialog: what the operator typed, whether it makes sense, and the recent clusters.
 * Prefilled with the most recent cluster, or the defaults when there is none. The credential file is read on a
 * worker whenever its path changes, at most one read at a time (keystrokes while one runs fold into one more read),
 * so typing a path never touches the file system on the FX thread.
 */
public final class ConnectionViewModel {

    static final String READING_CREDENTIAL = "Reading the credential file…";

    private final ConnectionHistory history;
    private final BackgroundExecutor background;
    private final StringProperty addresses = new SimpleStringProperty(this, "addresses", "");
    private final StringProperty clusterName = new SimpleStringProperty(this, "clusterName", "");
    private final StringProperty operator = new SimpleStringProperty(this, "operator", System.getProperty("user.name", ""));
    private final StringProperty credentialFile = new SimpleStringProperty(this, "credentialFile", "");
    private final StringProperty credentialSecret = new SimpleStringProperty(this, "credentialSecret", "");
    private final ReadOnlyStringWrapper validationMessage = new ReadOnlyStringWrapper(this, "validationMessage", "");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ObservableList<ConnectionSettings> recent = FXCollections.observableArrayList();
    private final ObservableList<ConnectionSettings> recentView = FXCollections.unmodifiableObservableList(recent);
    /** The path whose content {@link #fileSecret} or {@link #fileProblem} describe. */
    private String readPath = "";
    private String fileSecret;
    private String fileProblem = "";
    private boolean reading;
    private boolean readAgain;

    /**
     * @param history    the recent clusters
     * @param background reads the credential file off the FX thread
     */
    public ConnectionViewModel(ConnectionHistory history, BackgroundExecutor background) {
        this.history = history;
        this.background = background;
        recent.setAll(history.recent());
        addresses.addListener((observable, before, after) -> validate());
        clusterName.addListener((observable, before, after) -> validate());
        operator.addListener((observable, before, after) -> validate());
        credentialFile.addListener((observable, before, after) -> readCredentialFile());
        credentialSecret.addListener((observable, before, after) -> validate());
        use(recent.isEmpty() ? ConnectionSettings.DEFAULTS : recent.get(0));
    }

    /** Member addresses as typed: {@code host:port}, separated by commas. */
    public StringProperty addressesProperty() {
        return addresses;
    }

    public StringProperty clusterNameProperty() {
        return clusterName;
    }

    /** Who signs the commands. */
    public StringProperty operatorProperty() {
        return operator;
    }

    /** The operator credential file, as on the nodes; takes precedence over a pasted secret. */
    public StringProperty credentialFileProperty() {
        return credentialFile;
    }

    /** The operator secret, pasted; never stored. */
    public StringProperty credentialSecretProperty() {
        return credentialSecret;
    }

    /**
     * The credential to sign commands with; empty when none was given (the console then only watches). Reads no
     * file: the file's content was read on a worker when its path was typed.
     *
     * @throws IllegalArgumentException when one was given but cannot be used, or while the file is being read
     */
    public Optional<OperatorCredential> credential() {
        String path = credentialFile.get().strip();
        if (!path.isEmpty()) {
            if (reading || !path.equals(readPath)) {
                throw new IllegalArgumentException(READING_CREDENTIAL);
            }
            if (fileSecret == null) {
                throw new IllegalArgumentException(fileProblem);
            }
            return Optional.of(OperatorCredential.fromSecret(operator.get(), fileSecret));
        }
        if (!credentialSecret.get().isBlank()) {
            return Optional.of(OperatorCredential.fromSecret(operator.get(), credentialSecret.get()));
        }
        return Optional.empty();
    }

    /** Why the input cannot be used, or empty when it can. */
    public ReadOnlyStringProperty validationMessageProperty() {
        return validationMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ObservableList<ConnectionSettings> recentConnections() {
        return recentView;
    }

    /** Fills the fields from a recent cluster, or from the command line. */
    public void use(ConnectionSettings settings) {
        addresses.set(settings.addressText());
        clusterName.set(settings.clusterName());
    }

    /** The settings to connect with, remembered for next time; empty when the input is not valid. */
    public Optional<ConnectionSettings> connect() {
        Optional<ConnectionSettings> settings = validate();
        settings.ifPresent(history::remember);
        return settings;
    }

    private void readCredentialFile() {
        if (reading) {
            readAgain = true;
            validate();
            return;
        }
        String path = credentialFile.get().strip();
        if (path.isEmpty()) {
            validate();
            return;
        }
        reading = true;
        validate();
        background.run(() -> OperatorCredential.readSecret(Path.of(path)),
                secret -> credentialFileRead(path, secret, ""),
                failure -> credentialFileRead(path, null, failure.getMessage()));
    }

    private void credentialFileRead(String path, String secret, String problem) {
        reading = false;
        readPath = path;
        fileSecret = secret;
        fileProblem = problem == null ? "Cannot read the credential file " + path : problem;
        if (readAgain) {
            readAgain = false;
            readCredentialFile();
        } else {
            validate();
        }
    }

    private Optional<ConnectionSettings> validate() {
        try {
            ConnectionSettings settings = ConnectionSettings.parse(addresses.get(), clusterName.get());
            credential();
            validationMessage.set("");
            valid.set(true);
            return Optional.of(settings);
        } catch (IllegalArgumentException invalid) {
            validationMessage.set(invalid.getMessage());
            valid.set(false);
            return Optional.empty();
        }
    }
}
