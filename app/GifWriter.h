#pragma once
/// An animated GIF written frame by frame through giflib: every frame gets its own palette
/// of at most 256 colours, only the rectangle that changed since the previous frame is
/// stored, and the animation loops forever. Only the previous frame is kept in memory, so a
/// long animation streams to disk; the file appears under its name only when close() succeeds.

#include <QCoreApplication>
#include <QImage>
#include <QSize>
#include <QString>

#include <memory>

class QSaveFile;
struct GifFileType;

namespace memviz {

class GifWriter {
    Q_DECLARE_TR_FUNCTIONS(memviz::GifWriter)
public:
    GifWriter();
    /// A file that was opened but not closed is discarded.
    ~GifWriter();
    GifWriter(const GifWriter&) = delete;
    GifWriter& operator=(const GifWriter&) = delete;

    /// Starts `path` (written to a temporary file beside it) for frames of `size` pixels.
    /// `loops` 0 repeats forever, n plays n + 1 times (the NETSCAPE2.0 extension's count).
    bool open(const QString& path, QSize size, int loops = 0);
    /// Appends a frame shown for `delayCs` hundredths of a second; it must have the size
    /// given to open().
    bool addFrame(const QImage& frame, int delayCs);
    /// Writes the trailer and puts the file in place.
    bool close();

    bool isOpen() const { return m_gif != nullptr; }
    int frameCount() const { return m_frames; }
    QSize size() const { return m_size; }
    /// Why the last call failed (translated), empty after success.
    QString errorString() const { return m_error; }

    /// The delay of frame `index` (0-based) at `fps` frames a second, in hundredths of a
    /// second, chosen so that the delays add up to the exact running time (8 fps: 13, 12,
    /// 13, 12, ...). GIF delays are whole hundredths.
    static int delayFor(int index, int fps);

private:
    static int writeBytes(GifFileType* gif, const unsigned char* data, int length);
    bool fail(const QString& message);
    bool failGif(int code);
    void discard();

    std::unique_ptr<QSaveFile> m_file;
    GifFileType* m_gif = nullptr;
    QString m_path;
    QSize m_size;
    QImage m_previous; ///< the last frame, to store only what changed
    int m_frames = 0;
    QString m_error;
};

} // namespace memviz
