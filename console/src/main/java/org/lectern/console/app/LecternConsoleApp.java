package org.lectern.console.app;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.prefs.Preferences;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.lectern.console.connection.ClusterConnection;
import org.lectern.console.connection.ClusterListener;
import org.lectern.console.connection.ConnectionDialog;
import org.lectern.console.connection.ConnectionSettings;
import org.lectern.console.connection.ConnectionState;
import org.lectern.console.connection.ConnectionStatusView;
import org.lectern.console.connection.ConnectionStatusViewModel;
import org.lectern.console.connection.ConnectionViewModel;
import org.lectern.console.connection.FxThreadClusterListener;
import org.lectern.console.connection.PreferencesConnectionHistory;
import org.lectern.console.members.MembersView;
import org.lectern.console.members.MembersViewModel;
import org.lectern.console.ui.BackgroundExecutor;
import org.lectern.console.ui.FxBackgroundExecutor;

/** The composition root: builds the console's objects, wires them, and takes them down when the window closes. */
public final class LecternConsoleApp extends Application {

    private static final Duration REFRESH_INTERVAL = Duration.seconds(1);

    private ExecutorService workers;
    private ClusterConnection connection;
    private Timeline refreshTimer;
    private String stylesheet;
    private BackgroundExecutor background;
    private ConnectionStatusViewModel status;
    private ConnectionViewModel connectionForm;
    private Stage window;

    @Override
    public void start(Stage stage) {
        CommandLine commandLine = CommandLine.parse(getParameters().getRaw());
        window = stage;
        stylesheet = LecternConsoleApp.class.getResource("/org/lectern/console/ui/console.css").toExternalForm();
        workers = Executors.newFixedThreadPool(2, workerThreads());
        background = new FxBackgroundExecutor(workers);
        connection = new ClusterConnection();

        MembersViewModel members = new MembersViewModel(connection::snapshot, background, Clock.systemUTC());
        status = new ConnectionStatusViewModel(members.memberCountProperty());
        connectionForm = new ConnectionViewModel(new PreferencesConnectionHistory(
                Preferences.userNodeForPackage(LecternConsoleApp.class)));
        commandLine.cluster().ifPresent(name -> connectionForm.clusterNameProperty().set(name));

        connection.addListener(new FxThreadClusterListener(new ClusterListener() {
            @Override
            public void stateChanged(ConnectionState state) {
                status.stateChanged(state);
                members.refresh();
            }

            @Override
            public void membersChanged() {
                members.refresh();
            }
        }, Platform::runLater));

        refreshTimer = new Timeline(new KeyFrame(REFRESH_INTERVAL, event -> members.refresh()));
        refreshTimer.setCycleCount(Animation.INDEFINITE);
        refreshTimer.play();

        BorderPane root = new BorderPane(new MembersView(members));
        root.setBottom(new ConnectionStatusView(status, this::chooseCluster));
        Scene scene = new Scene(root, 960, 420);
        scene.getStylesheets().add(stylesheet);
        stage.setTitle("Lectern console");
        stage.setScene(scene);
        stage.show();

        commandLine.settings().ifPresentOrElse(this::connect, () -> Platform.runLater(this::chooseCluster));
    }

    @Override
    public void stop() {
        refreshTimer.stop();
        connection.close();
        workers.shutdownNow();
    }

    private void chooseCluster() {
        ConnectionDialog dialog = new ConnectionDialog(connectionForm, stylesheet);
        dialog.initOwner(window);
        dialog.showAndWait().ifPresent(this::connect);
    }

    private void connect(ConnectionSettings settings) {
        status.connecting(settings);
        background.run(() -> {
            connection.connect(settings);
            return settings;
        }, connected -> { }, status::connectFailed);
    }

    /** Daemon threads, so that a snapshot stuck on a dead cluster cannot keep the JVM alive after the window closed. */
    private static ThreadFactory workerThreads() {
        ThreadFactory defaults = Executors.defaultThreadFactory();
        AtomicInteger count = new AtomicInteger();
        return work -> {
            Thread thread = defaults.newThread(work);
            thread.setName("console-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
