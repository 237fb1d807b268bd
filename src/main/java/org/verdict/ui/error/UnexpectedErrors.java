package org.verdict.ui.error;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.text.MessageFormat;
import java.util.HashSet;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.stage.Window;

/**
 * The one handler for failures nobody expected (a bug, not a user's input): each is logged with its stack trace
 * and shown in a dialog the first time it happens in a session, so a repeating failure does not bury the user in
 * dialogs, and none is swallowed. Runs on the FX thread.
 */
public final class UnexpectedErrors implements Consumer<Throwable> {
    private static final Logger LOG = Logger.getLogger(UnexpectedErrors.class.getName());

    private final ProblemDialog dialog;
    private final ResourceBundle text;
    private final Supplier<Window> owner;
    private final String logLocation;
    private final Set<String> alreadyShown = new HashSet<>();

    public UnexpectedErrors(ProblemDialog dialog, ResourceBundle text, Supplier<Window> owner, String logLocation) {
        this.dialog = dialog;
        this.text = text;
        this.owner = owner;
        this.logLocation = logLocation;
    }

    @Override
    public void accept(Throwable failure) {
        String trace = stackTrace(failure);
        LOG.log(Level.SEVERE, "Unexpected failure", failure);
        if (alreadyShown.add(signature(failure))) {
            dialog.show(owner.get(), text.getString("unexpected.header"),
                    MessageFormat.format(text.getString("unexpected.whatToDo"), logLocation), trace);
        }
    }

    /** The failure's type and the place it was thrown: the same bug repeating has the same signature. */
    private static String signature(Throwable failure) {
        StackTraceElement[] frames = failure.getStackTrace();
        return failure.getClass().getName() + (frames.length > 0 ? "@" + frames[0] : "");
    }

    static String stackTrace(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
