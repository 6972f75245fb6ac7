<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>EntityDirectory</name>
    <message numerus="yes">
        <source>Mentioned in %n article(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FeedPane</name>
    <message numerus="yes">
        <source>Feeds refreshed; %n could not be fetched (see the marked feeds).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unsubscribe from “%1” and delete its %n article(s), with your highlights and notes on them?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Welcome to Mirsad: %n sample article(s) added.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
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
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message numerus="yes">
        <source>%n remote image(s) blocked.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mirsad::models::FeedTreeModel</name>
    <message numerus="yes">
        <source>%n unread</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
</TS>
