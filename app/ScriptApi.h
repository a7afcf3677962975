#pragma once
/// The objects a script sees: machine(), kernel.alloc_pages(), kernel.free_pages(),
/// sh(), print(), shot(). Errors are thrown as JavaScript errors at the caller's line.

#include "ScriptEngine.h"

#include <QJSValue>
#include <QObject>

class QJSEngine;

namespace memviz {

class ScriptApi : public QObject {
    Q_OBJECT
public:
    ScriptApi(QJSEngine* engine, ScriptEngine* owner);

    // State of the current run; set by ScriptEngine::run.
    ScriptOutcome* outcome = nullptr;
    MachineConfig defaultConfig;

    Q_INVOKABLE QJSValue machine(const QJSValue& options);
    Q_INVOKABLE QString sh(const QJSValue& commandLine);
    Q_INVOKABLE void shot(const QJSValue& name);
    Q_INVOKABLE void printList(const QJSValue& args);
    /// Appends to nothing; tells listeners (the console) that text was printed.
    void printedText(const QString& text);

private:
    bool readArch(const QJSValue& v, MachineConfig* cfg);
    bool readTlb(const QJSValue& v, MachineConfig* cfg);
    QJSEngine* m_engine;
    ScriptEngine* m_owner;
};

class KernelApi : public QObject {
    Q_OBJECT
public:
    explicit KernelApi(QJSEngine* engine, ScriptApi* api);

    Q_INVOKABLE QJSValue alloc_pages(const QJSValue& order, const QJSValue& options = QJSValue());
    Q_INVOKABLE void free_pages(const QJSValue& block, const QJSValue& order = QJSValue());

private:
    Simulator* sim();
    QJSEngine* m_engine;
    ScriptApi* m_api;
};

/// Reads a size given as a number of bytes or a string like "512M"; nothing when invalid.
std::optional<std::uint64_t> sizeFromJs(const QJSValue& v);

} // namespace memviz
