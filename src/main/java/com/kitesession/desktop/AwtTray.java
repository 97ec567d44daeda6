package com.kitesession.desktop;

import java.awt.AWTException;
import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.awt.Image;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.imageio.ImageIO;

/**
 * The tray through AWT's {@link SystemTray}: Windows' notification area, macOS's menu bar, and on
 * Linux the freedesktop (XEmbed) tray that KDE Plasma, Xfce, Cinnamon, MATE and most panels offer.
 * GNOME shows none without its AppIndicator extension, and AWT does not speak the newer
 * StatusNotifier protocol: {@link #missing()} says so. Changes to the icon go through AWT's event
 * thread, as AWT asks.
 */
public final class AwtTray implements Tray {
    private static final Logger LOG = Logger.getLogger(AwtTray.class.getName());
    private final String osName;
    private TrayIcon icon; // AWT event thread only

    public AwtTray(String osName) {
        this.osName = osName;
    }

    @Override
    public Optional<String> missing() {
        if (GraphicsEnvironment.isHeadless()) return Optional.of("This session has no display.");
        try {
            if (SystemTray.isSupported()) return Optional.empty();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.INFO, "AWT could not start: no tray icon", e);
        }
        return Optional.of(whyNone(osName));
    }

    /** Why the desktop shows no tray icons, with what would give it one. */
    static String whyNone(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("linux") || os.contains("bsd")) {
            return "This desktop shows no tray icons. On GNOME, the \u201cAppIndicator and KStatusNotifierItem Support\u201d"
                    + " extension adds them; KDE Plasma, Xfce, Cinnamon and MATE have them. Without one, closing the"
                    + " window quits the app.";
        }
        return "This desktop shows no tray icons, so closing the window quits the app.";
    }

    /** Waits for AWT's event thread: call it off the FX thread (AWT and JavaFX must not wait on each other). */
    @Override
    public boolean show(String tooltip, List<Item> menu, Runnable open) {
        try {
            Image image = image(SystemTray.getSystemTray().getTrayIconSize().height);
            PopupMenu popup = new PopupMenu();
            for (Item item : menu) {
                MenuItem entry = new MenuItem(item.label());
                entry.addActionListener(e -> item.action().run());
                popup.add(entry);
            }
            TrayIcon created = new TrayIcon(image, tooltip, popup);
            created.setImageAutoSize(true);
            created.addActionListener(e -> open.run());
            boolean[] added = {false};
            EventQueue.invokeAndWait(() -> {
                try {
                    SystemTray.getSystemTray().add(created);
                    icon = created;
                    added[0] = true;
                } catch (AWTException | RuntimeException e) {
                    LOG.log(Level.INFO, "The desktop refused the tray icon", e);
                }
            });
            return added[0];
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (IOException | InvocationTargetException | RuntimeException e) {
            LOG.log(Level.INFO, "No tray icon", e);
            return false;
        }
    }

    @Override
    public void setTooltip(String text) {
        onAwtThread(() -> {
            if (icon != null) icon.setToolTip(text);
        });
    }

    @Override
    public void message(String title, String text) {
        onAwtThread(() -> {
            if (icon != null) icon.displayMessage(title, text, TrayIcon.MessageType.INFO);
        });
    }

    @Override
    public void remove() {
        onAwtThread(() -> {
            if (icon == null) return;
            SystemTray.getSystemTray().remove(icon);
            icon = null;
        });
    }

    /** The app's icon at the tray's size or the next larger one (AWT scales it down). */
    private static Image image(int size) throws IOException {
        for (int candidate : new int[] {16, 22, 24, 32, 48, 64, 128, 256}) {
            if (candidate < size && candidate != 256) continue;
            try (InputStream in = AwtTray.class.getResourceAsStream("/icons/kite-session-" + candidate + ".png")) {
                if (in != null) return ImageIO.read(in);
            }
        }
        throw new IOException("The app's icon is missing from its jar");
    }

    private static void onAwtThread(Runnable change) {
        if (EventQueue.isDispatchThread()) change.run();
        else EventQueue.invokeLater(change);
    }
}
