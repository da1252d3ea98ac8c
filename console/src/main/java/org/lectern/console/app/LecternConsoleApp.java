package org.lectern.console.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import javafx.util.Duration;
import okhttp3.OkHttpClient;
import org.lectern.console.audit.AuditView;
import org.lectern.console.audit.AuditViewModel;
import org.lectern.console.balancer.BalancerView;
import org.lectern.console.balancer.BalancerViewModel;
import org.lectern.console.balancer.HaproxyStats;
import org.lectern.console.broker.BrokerView;
import org.lectern.console.broker.BrokerViewModel;
import org.lectern.console.broker.JmxBrokerProbe;
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
import org.lectern.console.connection.SignedStateReader;
import org.lectern.console.events.EventsView;
import org.lectern.console.events.EventsViewModel;
import org.lectern.console.load.LoadSampler;
import org.lectern.console.load.LoadView;
import org.lectern.console.load.LoadViewModel;
import org.lectern.console.members.MembersView;
import org.lectern.console.members.MembersViewModel;
import org.lectern.console.operations.CommandGateway;
import org.lectern.console.operations.OperationsView;
import org.lectern.console.operations.OperationsViewModel;
import org.lectern.console.operations.OperatorCredential;
import org.lectern.console.overview.AlertThresholds;
import org.lectern.console.overview.ClusterPicture;
import org.lectern.console.overview.OverviewView;
import org.lectern.console.overview.OverviewViewModel;
import org.lectern.console.overview.Target;
import org.lectern.console.replicas.ReplicasView;
import org.lectern.console.replicas.ReplicasViewModel;
import org.lectern.console.scheduler.SchedulerView;
import org.lectern.console.scheduler.SchedulerViewModel;
import org.lectern.console.settings.SettingsView;
import org.lectern.console.settings.SettingsViewModel;
import org.lectern.console.ui.BackgroundExecutor;
import org.lectern.console.ui.FxBackgroundExecutor;
import org.lectern.console.ui.Theme;
import org.lectern.console.ui.WindowLayout;
import org.lectern.shared.cluster.ClusterEvent;
import org.lectern.shared.cluster.ClusterStructures;
import org.lectern.shared.cluster.NodeStatus;
import org.lectern.shared.operations.CommandResult;
import org.lectern.shared.operations.OperatorCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: builds the console's objects, wires them, and takes them down when the window closes. */
public final class LecternConsoleApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(LecternConsoleApp.class);
    private static final Duration REFRESH_INTERVAL = Duration.seconds(1);
    private static final int BROKER_EVERY_TICKS = 5;
    /** How long the client may take to leave the cluster gracefully after the window closed. */
    private static final java.time.Duration CLOSE_PATIENCE = java.time.Duration.ofSeconds(5);

    private ExecutorService workers;
    private ClusterConnection connection;
    private OkHttpClient http;
    private Timeline refreshTimer;
    private BackgroundExecutor background;
    private ConnectionStatusViewModel status;
    private ConnectionViewModel connectionForm;
    private OperationsViewModel operations;
    private OverviewViewModel overview;
    private BrokerViewModel broker;
    private Preferences preferences;
    private MainWindow main;
    private Theme theme;
    private Stage window;
    private int ticks;

    @Override
    public void start(Stage stage) {
        CommandLine commandLine = CommandLine.parse(getParameters().getRaw());
        window = stage;
        // JMX over RMI has no per-call timeout of its own; these bound connecting to and waiting for the broker.
        System.setProperty("sun.rmi.transport.connectionTimeout", "5000");
        System.setProperty("sun.rmi.transport.tcp.responseTimeout", "5000");
        preferences = Preferences.userNodeForPackage(LecternConsoleApp.class);
        WindowLayout layout = WindowLayout.load(preferences.node("window"));
        theme = layout.theme();
        workers = Executors.newFixedThreadPool(3, threads("console-worker", true));
        background = new FxBackgroundExecutor(workers);
        connection = new ClusterConnection();
        http = HaproxyStats.httpClient();
        Clock clock = Clock.systemUTC();
        ZoneId zone = ZoneId.systemDefault();

        MembersViewModel members = new MembersViewModel(connection::snapshot, background, clock);
        operations = new OperationsViewModel(new CommandGateway() {
            @Override
            public void submit(OperatorCommand command) {
                connection.submit(command);
            }

            @Override
            public Map<String, CommandResult> results(Collection<String> commandIds) {
                return connection.results(commandIds);
            }
        }, background, clock);
        ReplicasViewModel replicas = new ReplicasViewModel(connection::livePartitions, background);
        SchedulerViewModel scheduler = new SchedulerViewModel(connection::scheduler, background, zone);
        EventsViewModel events = new EventsViewModel(zone);
        SignedStateReader signed = new SignedStateReader(operations::signingKey);
        Callable<Map<String, String>> publishedConfig =
                () -> signed.verified(ClusterStructures.PUBLISHED_CONFIG, connection.publishedConfig());
        Callable<Map<String, String>> clusterSettings =
                () -> signed.verified(ClusterStructures.CLUSTER_SETTINGS, connection.settings());
        SettingsViewModel settings = new SettingsViewModel(clusterSettings, background, operations);
        broker = new BrokerViewModel(new JmxBrokerProbe(), background);
        LoadViewModel load = new LoadViewModel(LoadSampler.FROM_STATUS_RECORDS, background, clock);
        HaproxyStats haproxy = new HaproxyStats(http, commandLine.trustCertificate().map(Path::of));
        BalancerViewModel balancer = new BalancerViewModel(publishedConfig, haproxy::read, background);
        AuditViewModel audit = new AuditViewModel(connection::auditLog, background, zone);
        overview = new OverviewViewModel(clock, zone, events::add);
        overview.thresholdsProperty().set(AlertThresholds.load(preferences.node("window")));
        overview.thresholdsProperty().addListener((observable, before, chosen) -> saveThresholds(chosen));
        status = new ConnectionStatusViewModel(members.memberCountProperty());
        connectionForm = new ConnectionViewModel(new PreferencesConnectionHistory(preferences), background);
        commandLine.cluster().ifPresent(name -> connectionForm.clusterNameProperty().set(name));
        commandLine.operator().ifPresent(name -> connectionForm.operatorProperty().set(name));
        String operator = connectionForm.operatorProperty().get();
        // Read on a worker like every other file or network access; until it is read the console only watches.
        commandLine.credentialFile().ifPresent(file -> background.run(
                () -> OperatorCredential.fromFile(operator, Path.of(file)), operations::useCredential,
                this::credentialUnusable));

        connection.addListener(new FxThreadClusterListener(new ClusterListener() {
            @Override
            public void stateChanged(ConnectionState state) {
                status.stateChanged(state);
                members.refresh();
                if (state == ConnectionState.CONNECTED) {
                    background.run(() -> {
                        connection.subscribeToEvents();
                        return publishedConfig.call();
                    }, broker::published, failure -> LOG.warn("Could not subscribe to the cluster's events", failure));
                }
            }

            @Override
            public void membersChanged() {
                members.refresh();
            }

            @Override
            public void eventReceived(ClusterEvent event) {
                events.add(event);
            }
        }, Platform::runLater));

        MembersView membersView = new MembersView(members, operations);
        main = new MainWindow(List.of(
                new MainWindow.View("overview", "Overview", new OverviewView(overview,
                        target -> show(target, membersView))),
                new MainWindow.View("members", "Members", membersView),
                new MainWindow.View("operations", "Operations", new OperationsView(operations)),
                new MainWindow.View("replicas", "Cache replicas", new ReplicasView(replicas)),
                new MainWindow.View("scheduler", "Scheduler", new SchedulerView(scheduler)),
                new MainWindow.View("events", "Events", new EventsView(events)),
                new MainWindow.View("load", "Live load", new LoadView(load)),
                new MainWindow.View("broker", "Broker", new BrokerView(broker)),
                new MainWindow.View("balancer", "Load balancer", new BalancerView(balancer)),
                new MainWindow.View("audit", "Audit trail", new AuditView(audit)),
                new MainWindow.View("settings", "Settings", new SettingsView(settings, operations))),
                new ConnectionStatusView(status, this::chooseCluster), this::chooseCluster);

        members.snapshotProperty().addListener((observable, before, snapshot) -> {
            Map<String, NodeStatus> nodes = members.nodesProperty().get();
            operations.update(nodes);
            load.update(nodes);
            // Read on every refresh, whichever view is open: the overview's alerts need them.
            replicas.update(snapshot);
            overview.update(new ClusterPicture(members.memberCountProperty().get(), nodes,
                    replicas.clusterSafeProperty().get(), replicas.verdictProperty().get(),
                    broker.snapshotProperty().get(), broker.problemProperty().get(), balancer.rows(),
                    balancer.summaryProperty().get()));
        });
        refreshTimer = new Timeline(new KeyFrame(REFRESH_INTERVAL, event -> {
            ticks++;
            members.refresh();
            // The other views read the cluster only while shown, so a hidden 10,000-row table costs nothing.
            if (main.showing("scheduler")) {
                scheduler.refresh();
            }
            if (main.showing("settings")) {
                settings.refresh();
            }
            // Broker and balancer feed the overview's alerts too, so they are read whichever view is open.
            if (ticks % BROKER_EVERY_TICKS == 0 || main.showing("balancer")) {
                balancer.refresh(members.nodesProperty().get());
            }
            if (ticks % BROKER_EVERY_TICKS == 0) {
                // Read again each time: the credential that verifies it may arrive after the connection, and the
                // broker's address changes on a failover the nodes follow.
                background.run(publishedConfig::call, config -> {
                    broker.published(config);
                    broker.refresh();
                }, failure -> broker.refresh());
            }
            if (main.showing("audit") && ticks % BROKER_EVERY_TICKS == 0) {
                audit.refresh();
            }
        }));
        refreshTimer.setCycleCount(Animation.INDEFINITE);
        refreshTimer.play();
        main.tabs().getSelectionModel().selectedItemProperty().addListener((observable, before, after) -> {
            if (main.showing("broker")) {
                broker.refresh();
            }
            if (main.showing("audit")) {
                audit.refresh();
            }
        });

        Scene scene = new Scene(main, layout.width(), layout.height());
        main.darkTheme().setSelected(theme == Theme.DARK);
        main.darkTheme().selectedProperty().addListener((observable, before, dark) -> applyTheme(scene,
                dark ? Theme.DARK : Theme.LIGHT));
        applyTheme(scene, theme);
        main.select(layout.view());
        if (layout.placed()) {
            stage.setX(layout.x());
            stage.setY(layout.y());
        }
        stage.setMaximized(layout.maximized());
        stage.setTitle("Lectern console");
        stage.setScene(scene);
        stage.show();

        commandLine.settings().ifPresentOrElse(this::connect, () -> Platform.runLater(this::chooseCluster));
    }

    @Override
    public void stop() {
        refreshTimer.stop();
        saveLayout();
        // Leaving the cluster can take seconds (or hang on members that do not answer): never on the FX thread.
        // The closing thread is no daemon, so the JVM waits for a clean goodbye, at most CLOSE_PATIENCE.
        ExecutorService closer = Executors.newSingleThreadExecutor(threads("console-close", false));
        connection.closeInBackground(closer, CLOSE_PATIENCE);
        closer.shutdown();
        workers.shutdownNow();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** Where a click on the overview leads: the view, and the node selected in it. */
    private void show(Target target, MembersView membersView) {
        main.select(target.view());
        if (target.view().equals("members") && !target.item().isEmpty()) {
            membersView.select(target.item());
        }
    }

    private void saveThresholds(AlertThresholds thresholds) {
        thresholds.save(preferences.node("window"));
        try {
            preferences.flush();
        } catch (BackingStoreException e) {
            LOG.warn("Could not save the alert thresholds", e);
        }
    }

    private void applyTheme(Scene scene, Theme chosen) {
        theme = chosen;
        chosen.applyTo(scene);
    }

    private void saveLayout() {
        new WindowLayout(window.getX(), window.getY(), window.getWidth(), window.getHeight(), window.isMaximized(),
                main.selected(), theme).save(preferences.node("window"));
        try {
            preferences.flush();
        } catch (BackingStoreException e) {
            LOG.warn("Could not save the window layout", e);
        }
    }

    private void chooseCluster() {
        ConnectionDialog dialog = new ConnectionDialog(connectionForm, Theme.baseStylesheet());
        dialog.initOwner(window);
        dialog.showAndWait().ifPresent(settings -> {
            connectionForm.credential().ifPresent(operations::useCredential);
            connect(settings);
        });
    }

    private void connect(ConnectionSettings settings) {
        status.connecting(settings);
        overview.reset();
        background.run(() -> {
            connection.connect(settings);
            return settings;
        }, connected -> { }, status::connectFailed);
    }

    private void credentialUnusable(Throwable failure) {
        LOG.warn("The operator credential cannot be used: {}", failure.getMessage());
        Alert alert = new Alert(Alert.AlertType.ERROR, failure.getMessage()
                + "\nThe console only watches; connect again (Ctrl/Cmd+K) with a usable credential to act.");
        alert.setHeaderText("The operator credential cannot be used");
        alert.initOwner(window);
        alert.show();
    }

    /**
     * Workers are daemon threads, so that a snapshot stuck on a dead cluster cannot keep the JVM alive after the
     * window closed; the thread that closes the client is not.
     */
    private static ThreadFactory threads(String name, boolean daemon) {
        ThreadFactory defaults = Executors.defaultThreadFactory();
        AtomicInteger count = new AtomicInteger();
        return work -> {
            Thread thread = defaults.newThread(work);
            thread.setName(name + "-" + count.incrementAndGet());
            thread.setDaemon(daemon);
            return thread;
        };
    }
}
