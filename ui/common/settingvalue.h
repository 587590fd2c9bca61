#pragma once

#include <QSettings>
#include <QString>
#include <QVariant>

namespace bankbench::ui {

/// One typed entry of the application settings: the key and its default live in one place
/// (AppSettings), so no raw QSettings strings are scattered through the widgets. GUI thread only.
template <typename T> class SettingValue {
public:
    SettingValue(QSettings& store, QString key, T defaultValue = T{})
        : m_store(&store), m_key(std::move(key)), m_default(std::move(defaultValue)) {}

    T get() const {
        const QVariant value = m_store->value(m_key);
        if (!value.isValid() || !value.canConvert<T>())
            return m_default;
        return value.value<T>();
    }
    void set(const T& value) { m_store->setValue(m_key, QVariant::fromValue(value)); }
    void reset() { m_store->remove(m_key); }
    bool isSet() const { return m_store->contains(m_key); }

    const QString& key() const { return m_key; }
    const T& defaultValue() const { return m_default; }

    operator T() const { return get(); }
    SettingValue& operator=(const T& value) {
        set(value);
        return *this;
    }

private:
    QSettings* m_store;
    QString m_key;
    T m_default;
};

} // namespace bankbench::ui
