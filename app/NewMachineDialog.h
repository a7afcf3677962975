#pragma once
/// Asks for a new machine: preset, RAM, swap, seed, CPUs; refuses impossible ones.

#include "sim/MachineConfig.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QSpinBox;
class QLabel;

namespace memviz {

class NewMachineDialog : public QDialog {
    Q_OBJECT
public:
    explicit NewMachineDialog(const MachineConfig& current, QWidget* parent = nullptr);
    MachineConfig config() const { return m_config; }

    void accept() override;

private:
    void presetChanged();
    QComboBox* m_preset = nullptr;
    QLineEdit* m_ram = nullptr;
    QLineEdit* m_swap = nullptr;
    QSpinBox* m_seed = nullptr;
    QSpinBox* m_cpus = nullptr;
    QLabel* m_error = nullptr;
    MachineConfig m_config;
};

} // namespace memviz
