package org.lectern.console.ui;

import java.util.Optional;
import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;

/** A read-only line of a ControlsFX {@link PropertySheet}. */
public final class DetailItem implements PropertySheet.Item {

    private final String category;
    private final String name;
    private final String value;

    public DetailItem(String category, String name, String value) {
        this.category = category;
        this.name = name;
        this.value = value;
    }

    @Override
    public Class<?> getType() {
        return String.class;
    }

    @Override
    public String getCategory() {
        return category;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getDescription() {
        return name;
    }

    @Override
    public Object getValue() {
        return value;
    }

    @Override
    public void setValue(Object ignored) {
        throw new UnsupportedOperationException("Details are read-only");
    }

    @Override
    public boolean isEditable() {
        return false;
    }

    @Override
    public Optional<ObservableValue<? extends Object>> getObservableValue() {
        return Optional.empty();
    }
}
