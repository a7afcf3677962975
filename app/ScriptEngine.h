#pragma once
/// Runs memviz scripts (JavaScript, QJSEngine) against a staging copy of the run:
/// a script that fails leaves the session exactly as it was.

#include "sim/Simulator.h"

#include <QJSValue>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

class QJSEngine;

namespace memviz {

struct ScriptShot {
    QString name;
    std::uint64_t cursor = 0; ///< events applied when shot() was called
};

struct ScriptOutcome {
    bool ok = false;
    QString fileName;          ///< where the error is
    int line = 0;              ///< 1-based line of the error, 0 when unknown
    QString message;           ///< the error itself
    QString output;            ///< everything print() wrote
    std::optional<Simulator> sim; ///< the run after the script (also after a failure, for inspection)
    bool newMachine = false;   ///< the script called machine(): the run starts afresh
    std::uint64_t firstNewEvent = 0;
    std::vector<ScriptShot> shots;
    QJSValue value;            ///< the completion value (console echo)

    /// "file:line: message" as compilers print it.
    QString errorLine() const;
};

class ScriptApi;

class ScriptEngine : public QObject {
    Q_OBJECT
public:
    explicit ScriptEngine(QObject* parent = nullptr);
    ~ScriptEngine() override;

    /// A runaway script is interrupted after this long (default 10 s).
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    int timeoutMs() const { return m_timeoutMs; }

    /// Runs `source` on a copy of `base` (or on a fresh default machine when base is
    /// null). Globals defined by earlier runs of this engine stay (the console relies
    /// on it); call reset() for a clean engine.
    ScriptOutcome run(const QString& source, const QString& fileName, const Simulator* base,
                      const MachineConfig& defaultConfig);
    void reset();

    /// A JavaScript value as the console shows it.
    static QString display(QJSEngine* engine, const QJSValue& v);
    QJSEngine* jsEngine() const { return m_engine.get(); }

signals:
    /// Text a script printed, as it happens.
    void printed(const QString& text);

private:
    void install();
    std::unique_ptr<QJSEngine> m_engine;
    std::unique_ptr<ScriptApi> m_api;
    int m_timeoutMs = 10000;
};

} // namespace memviz
