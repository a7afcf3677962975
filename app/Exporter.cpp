#include "Exporter.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QPixmap>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QWidget>

namespace memviz {

QString exportWidget(QWidget* widget, const QString& path)
{
    auto tr = [](const char* s) { return QCoreApplication::translate("memviz", s); };
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("svg")) {
        QSvgGenerator gen;
        gen.setFileName(path);
        gen.setSize(widget->size());
        gen.setViewBox(QRect(QPoint(0, 0), widget->size()));
        gen.setTitle(QStringLiteral("memviz"));
        QPainter p;
        if (!p.begin(&gen)) return tr("cannot write %1").arg(path);
        widget->render(&p);
        p.end();
        return QFileInfo(path).size() > 0 ? QString() : tr("cannot write %1").arg(path);
    }
    if (suffix != QLatin1String("png")) return tr("unknown picture format \"%1\": use .png or .svg").arg(suffix);
    const QPixmap pm = widget->grab();
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || !pm.save(&f, "PNG") || !f.commit())
        return tr("cannot write %1: %2").arg(path, f.errorString());
    return {};
}

} // namespace memviz
