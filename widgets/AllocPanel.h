#pragma once
/// Mouse controls for a demo without a script: allocate a block of a chosen order
/// from a chosen zone, see the blocks allocated so far, free them.

#include "phys/FrameTable.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTimer;

namespace memviz {

class ViewContext;

class AllocPanel : public QWidget {
    Q_OBJECT
public:
    explicit AllocPanel(ViewContext* ctx, QWidget* parent = nullptr);

    /// Blocks allocated at the cursor, lowest pfn first: (head pfn, order).
    QList<QPair<Pfn, int>> allocatedBlocks() const { return m_blocks; }

signals:
    void newMachineRequested();

protected:
    void changeEvent(QEvent* e) override;

private:
    void retranslate();
    void refresh();
    void refreshZones();
    void updateSizeLabel();
    ViewContext* m_ctx;
    QLabel* m_machineTitle = nullptr;
    QLabel* m_machine = nullptr;
    QPushButton* m_newMachine = nullptr;
    QLabel* m_allocTitle = nullptr;
    QLabel* m_orderLabel = nullptr;
    QSpinBox* m_order = nullptr;
    QLabel* m_size = nullptr;
    QLabel* m_zoneLabel = nullptr;
    QComboBox* m_zone = nullptr;
    QPushButton* m_alloc = nullptr;
    QLabel* m_listTitle = nullptr;
    QListWidget* m_list = nullptr;
    QPushButton* m_free = nullptr;
    QPushButton* m_freeAll = nullptr;
    QLabel* m_note = nullptr;
    QTimer* m_refresh = nullptr;
    QList<QPair<Pfn, int>> m_blocks;
};

} // namespace memviz
