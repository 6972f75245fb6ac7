#pragma once

#include <QListView>

// The brief's articles as the analyst arranges them: dragged inside the list to reorder, dropped
// in from the article list, moved with Alt+Up/Alt+Down (or Ctrl+Up/Ctrl+Down), removed with
// Delete, and opened in the reader with Enter or a double-click.
class BriefArticleView : public QListView {
    Q_OBJECT
public:
    explicit BriefArticleView(QWidget* parent = nullptr);

    // Moves the selected article up (-1) or down (+1).
    void moveSelected(int delta);
    // Removes the selected articles from the brief.
    void removeSelected();

signals:
    void articleActivated(qint64 id);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void startDrag(Qt::DropActions supportedActions) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    // The row a drop at `position` puts the articles before.
    int dropRow(const QPoint& position) const;
};
