<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BriefComposer</name>
    <message numerus="yes">
        <source>%n article(s) added to a new brief.</source>
        <translation>
            <numerusform>%n article added to a new brief.</numerusform>
            <numerusform>%n articles added to a new brief.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s) added to the brief “%1”.</source>
        <translation>
            <numerusform>%n article added to the brief “%1”.</numerusform>
            <numerusform>%n articles added to the brief “%1”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Its title, introduction and list of %n article(s) are deleted; the articles, highlights and notes stay in the archive.</source>
        <translation>
            <numerusform>Its title, introduction and list of %n article are deleted; the articles, highlights and notes stay in the archive.</numerusform>
            <numerusform>Its title, introduction and list of %n articles are deleted; the articles, highlights and notes stay in the archive.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EntityDirectory</name>
    <message numerus="yes">
        <source>Mentioned in %n article(s).</source>
        <translation>
            <numerusform>Mentioned in %n article.</numerusform>
            <numerusform>Mentioned in %n articles.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>The articles the list shows: %n article(s)</source>
        <translation>
            <numerusform>The articles the list shows: %n article</numerusform>
            <numerusform>The articles the list shows: %n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The selected articles: %n article(s)</source>
        <translation>
            <numerusform>The selected articles: %n article</numerusform>
            <numerusform>The selected articles: %n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The open brief “%1”: %n article(s)</source>
        <translation>
            <numerusform>The open brief “%1”: %n article</numerusform>
            <numerusform>The open brief “%1”: %n articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FeedPane</name>
    <message numerus="yes">
        <source>Feeds refreshed; %n could not be fetched (see the marked feeds).</source>
        <translation>
            <numerusform>Feeds refreshed; %n could not be fetched (see the marked feeds).</numerusform>
            <numerusform>Feeds refreshed; %n could not be fetched (see the marked feeds).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unsubscribe from “%1” and delete its %n article(s), with your highlights and notes on them?</source>
        <translation>
            <numerusform>Unsubscribe from “%1” and delete its %n article, with your highlights and notes on them?</numerusform>
            <numerusform>Unsubscribe from “%1” and delete its %n articles, with your highlights and notes on them?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n feeds were fetched by colleagues just now; their articles are shown.</source>
        <translation>
            <numerusform>The feed was fetched by a colleague just now; its articles are shown.</numerusform>
            <numerusform>All %n feeds were fetched by colleagues just now; their articles are shown.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n were fetched by colleagues just now.</source>
        <translation>
            <numerusform>%n was fetched by a colleague just now.</numerusform>
            <numerusform>%n were fetched by colleagues just now.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message numerus="yes">
        <source>%n change(s), newest first.</source>
        <translation>
            <numerusform>%n change, newest first.</numerusform>
            <numerusform>%n changes, newest first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n article(s) marked as read.</source>
        <translation>
            <numerusform>%n article marked as read.</numerusform>
            <numerusform>%n articles marked as read.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Welcome to Mirsad: %n sample article(s) added.</source>
        <translation>
            <numerusform>Welcome to Mirsad: %n sample article added.</numerusform>
            <numerusform>Welcome to Mirsad: %n sample articles added.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n article(s) to %1.</source>
        <translation>
            <numerusform>Exported %n article to %1.</numerusform>
            <numerusform>Exported %n articles to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ManageNamesDialog</name>
    <message numerus="yes">
        <source>The archive is up to date: names changed in %n article(s).</source>
        <translation>
            <numerusform>The archive is up to date: names changed in %n article.</numerusform>
            <numerusform>The archive is up to date: names changed in %n articles.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NameTeacher</name>
    <message numerus="yes">
        <source>Names updated in %n article(s).</source>
        <translation>
            <numerusform>Names updated in %n article.</numerusform>
            <numerusform>Names updated in %n articles.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotesPane</name>
    <message numerus="yes">
        <source>%n note(s) typed while the server was away are now saved on it.</source>
        <translation>
            <numerusform>%n note typed while the server was away is now saved on it.</numerusform>
            <numerusform>%n notes typed while the server was away are now saved on it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Recovered %n note(s): what you typed before Mirsad last stopped is saved.</source>
        <translation>
            <numerusform>Recovered %n note: what you typed before Mirsad last stopped is saved.</numerusform>
            <numerusform>Recovered %n notes: what you typed before Mirsad last stopped is saved.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message numerus="yes">
        <source>%n remote image(s) blocked.</source>
        <translation>
            <numerusform>%n remote image blocked.</numerusform>
            <numerusform>%n remote images blocked.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mirsad::ingest::FeedRefresher</name>
    <message numerus="yes">
        <source>%1: fetched by %2 %n second(s) ago.</source>
        <translation>
            <numerusform>%1: fetched by %2 %n second ago.</numerusform>
            <numerusform>%1: fetched by %2 %n seconds ago.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: fetched by %2 %n minute(s) ago.</source>
        <translation>
            <numerusform>%1: fetched by %2 %n minute ago.</numerusform>
            <numerusform>%1: fetched by %2 %n minutes ago.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mirsad::models::FeedTreeModel</name>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n unread</numerusform>
            <numerusform>%n unread</numerusform>
        </translation>
    </message>
</context>
</TS>
