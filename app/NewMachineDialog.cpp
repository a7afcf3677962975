#include "NewMachineDialog.h"

#include "ErrorText.h"
#include "util/Size.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace memviz {

namespace {
QString sizeText(std::uint64_t b)
{
    if (b % GiB == 0) return QStringLiteral("%1G").arg(b / GiB);
    if (b % MiB == 0) return QStringLiteral("%1M").arg(b / MiB);
    return QString::number(b);
}
} // namespace

NewMachineDialog::NewMachineDialog(const MachineConfig& current, QWidget* parent) : QDialog(parent), m_config(current)
{
    setWindowTitle(tr("New machine"));
    auto* lay = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_preset = new QComboBox(this);
    for (const auto& n : MachineConfig::presetNames()) m_preset->addItem(QString::fromStdString(n));
    m_preset->setCurrentText(QString::fromStdString(current.preset));
    form->addRow(tr("Preset:"), m_preset);
    m_ram = new QLineEdit(sizeText(current.ramBytes), this);
    m_ram->setToolTip(tr("A size such as 64M, 512M, 8G"));
    form->addRow(tr("RAM:"), m_ram);
    m_swap = new QLineEdit(sizeText(current.swapBytes), this);
    form->addRow(tr("Swap:"), m_swap);
    m_seed = new QSpinBox(this);
    m_seed->setRange(0, 1 << 30);
    m_seed->setValue(static_cast<int>(current.seed));
    form->addRow(tr("Seed:"), m_seed);
    m_cpus = new QSpinBox(this);
    m_cpus->setRange(1, 256);
    m_cpus->setValue(current.cpus);
    form->addRow(tr("CPUs:"), m_cpus);
    lay->addLayout(form);
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color:#d62728"));
    lay->addWidget(m_error);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    lay->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &NewMachineDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_preset, &QComboBox::currentTextChanged, this, &NewMachineDialog::presetChanged);
}

void NewMachineDialog::presetChanged()
{
    auto p = MachineConfig::fromPreset(m_preset->currentText().toStdString());
    if (auto* c = std::get_if<MachineConfig>(&p)) {
        m_ram->setText(sizeText(c->ramBytes));
        m_swap->setText(sizeText(c->swapBytes));
        m_cpus->setValue(c->cpus);
    }
}

void NewMachineDialog::accept()
{
    auto p = MachineConfig::fromPreset(m_preset->currentText().toStdString());
    if (auto* e = std::get_if<Error>(&p)) {
        m_error->setText(errorText(*e));
        return;
    }
    MachineConfig c = std::get<MachineConfig>(p);
    const auto ram = parseSize(m_ram->text().toStdString());
    if (!ram) {
        m_error->setText(tr("RAM: ") + errorText(Error{ErrorCode::BadSize, 0, 0, m_ram->text().toStdString()}));
        return;
    }
    const auto swap = parseSize(m_swap->text().toStdString());
    if (!swap) {
        m_error->setText(tr("Swap: ") + errorText(Error{ErrorCode::BadSize, 0, 0, m_swap->text().toStdString()}));
        return;
    }
    c.ramBytes = *ram;
    c.swapBytes = *swap;
    c.seed = static_cast<std::uint64_t>(m_seed->value());
    c.cpus = m_cpus->value();
    if (Error e = c.validate()) {
        m_error->setText(errorText(e));
        return;
    }
    m_config = c;
    QDialog::accept();
}

} // namespace memviz
