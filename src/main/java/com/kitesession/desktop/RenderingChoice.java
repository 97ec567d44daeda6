package com.kitesession.desktop;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * How the window draws, decided before JavaFX starts. On Linux without a usable GPU, JavaFX's
 * OpenGL pipeline (es2) is refused anyway: its qualifier takes only AMD, Intel, NVIDIA, nouveau and
 * X.org drivers, never Mesa's software renderers (llvmpipe, softpipe). Yet finding that out loads
 * Mesa's software OpenGL (libLLVM and the gallium driver, about 50 MB resident), and GTK loads it a
 * second time for its own OpenGL visuals. Where no GPU can be used, the window therefore goes
 * straight to JavaFX's software pipeline ({@code prism.order=sw}) and tells GTK to leave OpenGL
 * alone ({@code GDK_GL=disable}): the same pixels, without Mesa in memory.
 *
 * <p>"No usable GPU" is decided cheaply and on the safe side: no GPU device node this user may
 * open ({@code /dev/dri/renderD*}, {@code /dev/dri/card*}, {@code /dev/nvidia*}, WSL's
 * {@code /dev/dxg}), or {@code LIBGL_ALWAYS_SOFTWARE} set. Where one exists the app changes
 * nothing and JavaFX probes as always (under Xvfb on such a machine the probe stays, harmless).
 * The person always wins: {@code -Dprism.order} given at start, or {@code KITE_SESSION_PRISM}
 * ({@code sw}: software now; {@code probe}: JavaFX's own order, OpenGL first; {@code auto}, the
 * default: as above).
 */
public record RenderingChoice(boolean software, String reason) {
    /** The environment variable that overrides the choice. */
    public static final String OVERRIDE = "KITE_SESSION_PRISM";

    /** What the toolkit is told when {@link #software()}: JavaFX's pipeline order, and GTK's switch. */
    public static final String PRISM_ORDER = "prism.order";
    public static final String SOFTWARE_ORDER = "sw";
    public static final String GDK_GL = "GDK_GL";
    public static final String GDK_GL_OFF = "disable";

    private static final String[] GPU_NODE_PREFIXES = {"dri/renderD", "dri/card", "nvidia", "dxg"};

    /**
     * The choice for this launch. {@code osName} as the {@code os.name} property gives it,
     * {@code env} as {@link System#getenv()}, {@code prismOrder} the {@code prism.order} property
     * (null when not given), {@code devices} the folder with the device nodes ({@code /dev}).
     */
    public static RenderingChoice decide(String osName, Map<String, String> env, String prismOrder, Path devices) {
        String override = env.getOrDefault(OVERRIDE, "auto").strip().toLowerCase(Locale.ROOT);
        if (prismOrder != null) return keep("-Dprism.order=" + prismOrder + " was given");
        if (!osName.toLowerCase(Locale.ROOT).contains("linux")) return keep("not Linux: JavaFX's own choice");
        switch (override) {
            case "sw" -> {
                return new RenderingChoice(true, OVERRIDE + "=sw");
            }
            case "probe" -> {
                return keep(OVERRIDE + "=probe: JavaFX probes OpenGL first");
            }
            case "auto", "" -> { }
            default -> {
                return keep(OVERRIDE + "=" + override + " is not sw, probe or auto: JavaFX's own choice");
            }
        }
        String softwareGl = env.get("LIBGL_ALWAYS_SOFTWARE");
        if (softwareGl != null && !softwareGl.isBlank() && !"0".equals(softwareGl.strip())) {
            return new RenderingChoice(true, "LIBGL_ALWAYS_SOFTWARE is set: OpenGL would be software");
        }
        String gpu = usableGpuNode(devices);
        if (gpu != null) return keep("GPU device " + gpu + ": JavaFX probes OpenGL first");
        return new RenderingChoice(true, "no GPU device this user may open under " + devices);
    }

    private static RenderingChoice keep(String reason) {
        return new RenderingChoice(false, reason);
    }

    /** The first GPU device node under {@code devices} this process may read and write, or null. */
    static String usableGpuNode(Path devices) {
        for (Path folder : new Path[] {devices, devices.resolve("dri")}) {
            if (!Files.isDirectory(folder)) continue;
            try (DirectoryStream<Path> nodes = Files.newDirectoryStream(folder)) {
                for (Path node : nodes) {
                    String name = devices.relativize(node).toString().replace('\\', '/');
                    if (isGpuNodeName(name) && Files.isReadable(node) && Files.isWritable(node)) return name;
                }
            } catch (IOException | SecurityException e) {
                return folder + " (unreadable, so assumed)"; // unsure: keep JavaFX's probe
            }
        }
        return null;
    }

    private static boolean isGpuNodeName(String name) {
        for (String prefix : GPU_NODE_PREFIXES) {
            if (name.startsWith(prefix)) return true;
        }
        return false;
    }
}
