package org.verdict.ui;

import java.util.Enumeration;
import java.util.ResourceBundle;

/**
 * A view's bundle with every text marked «like this», for tests that check a view-model says what its bundle says:
 * a text written into the code instead shows up unmarked. MessageFormat patterns stay valid.
 */
public final class MarkedText {
    private MarkedText() {
    }

    public static ResourceBundle of(String bundle) {
        ResourceBundle real = ResourceBundle.getBundle(bundle);
        return new ResourceBundle() {
            @Override
            protected Object handleGetObject(String key) {
                return "«" + real.getString(key) + "»";
            }

            @Override
            public Enumeration<String> getKeys() {
                return real.getKeys();
            }
        };
    }
}
