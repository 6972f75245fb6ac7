<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>&lt;p&gt;Your archive: &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;أرشيفك: &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Version %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;الإصدار %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;A news desk for Iraqi and Kurdish affairs: feeds in Arabic and English, the names of people, places and organisations recognised whatever the spelling, highlights and notes.&lt;/p&gt;</source>
        <translation>&lt;p&gt;مكتب أخبار للشؤون العراقية والكردية: موجزات بالعربية والإنجليزية، وأسماء الأشخاص والأماكن والمنظمات معروفة أياً كانت كتابتها، وتظليل وملاحظات.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Mirsad is free software under the &lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;GNU General Public License, version 3 or later&lt;/a&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;مرصد برنامج حر مرخّص بموجب &lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;رخصة جنو العمومية، الإصدار 3 أو أي إصدار لاحق&lt;/a&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Built with Qt %1 and KDE&apos;s syntax highlighting.&lt;/p&gt;</source>
        <translation>&lt;p&gt;مبني بـ Qt %1 وأداة تلوين النصوص من KDE.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Mirsad</source>
        <translation>عن مرصد</translation>
    </message>
</context>
<context>
    <name>AddFeedDialog</name>
    <message>
        <source>Add a feed</source>
        <translation>إضافة خلاصة</translation>
    </message>
    <message>
        <source>https://example.org/feed or the site&apos;s address</source>
        <translation>https://example.org/feed أو عنوان الموقع</translation>
    </message>
    <message>
        <source>Use the feed&apos;s own name</source>
        <translation>استخدام اسم الخلاصة نفسها</translation>
    </message>
    <message>
        <source>No folder</source>
        <translation>بلا مجلد</translation>
    </message>
    <message>
        <source>RSS, Atom and JSON Feed are supported. Given a web page, Mirsad subscribes to the feed it announces.</source>
        <translation>الصيغ المدعومة: RSS وAtom وJSON Feed. وإذا أُدخل عنوان صفحة ويب، يشترك مرصد في الخلاصة التي تعلن عنها الصفحة.</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>ال&amp;عنوان:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>ال&amp;اسم:</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>ال&amp;مجلد:</translation>
    </message>
    <message>
        <source>Subscribe</source>
        <translation>اشتراك</translation>
    </message>
    <message>
        <source>A web address has no spaces: paste the feed&apos;s address, such as https://example.org/feed.</source>
        <translation>لا يحتوي عنوان الويب على مسافات: الصق عنوان الموجز، مثل https://example.org/feed.</translation>
    </message>
    <message>
        <source>Only web addresses (http:// or https://) can be subscribed to, not %1: addresses.</source>
        <translation>لا يمكن الاشتراك إلا في عناوين الويب (http:// أو https://)، لا في عناوين %1:.</translation>
    </message>
    <message>
        <source>“%1” is not a web address: it should look like https://example.org/feed.</source>
        <translation>«%1» ليس عنوان ويب: ينبغي أن يكون مثل https://example.org/feed.</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>جارٍ التحقق من %1…</translation>
    </message>
</context>
<context>
    <name>AddNameDialog</name>
    <message>
        <source>Another spelling of a known &amp;entity</source>
        <translation>تهجئة أخرى ل&amp;كيان معروف</translation>
    </message>
    <message>
        <source>A &amp;new person, place or organisation</source>
        <translation>كيان &amp;جديد (شخص أو مكان أو منظمة)</translation>
    </message>
    <message>
        <source>Add a name</source>
        <translation>إضافة اسم</translation>
    </message>
    <message>
        <source>Search the entities (English or Arabic)</source>
        <translation>البحث في الكيانات (بالإنجليزية أو بالعربية)</translation>
    </message>
    <message>
        <source>&amp;Spelling:</source>
        <translation>ال&amp;تهجئة:</translation>
    </message>
    <message>
        <source>&amp;Entity:</source>
        <translation>ال&amp;كيان:</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>شخص</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>مكان</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>منظمة</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(لا شيء)</translation>
    </message>
    <message>
        <source>A role or a short description</source>
        <translation>منصب أو وصف موجز</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>ال&amp;نوع:</translation>
    </message>
    <message>
        <source>English &amp;name:</source>
        <translation>ال&amp;اسم بالإنجليزية:</translation>
    </message>
    <message>
        <source>&amp;Arabic name:</source>
        <translation>الاسم بال&amp;عربية:</translation>
    </message>
    <message>
        <source>&amp;Within (places):</source>
        <translation>&amp;ضمن (للأماكن):</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>ال&amp;وصف:</translation>
    </message>
    <message>
        <source>Add and re-tag</source>
        <translation>إضافة وإعادة الوسم</translation>
    </message>
    <message>
        <source>Mirsad already folds case, accents, diacritics, hamza forms, clitics and common romanisation variants; add spellings that differ by more (Hawler for Erbil).</source>
        <translation>يتجاهل مرصد أصلًا الفروق في حالة الأحرف والعلامات المضافة إلى الحروف اللاتينية والتشكيل وأشكال الهمزة والسوابق واللواحق المتصلة والتنويعات الشائعة في الكتابة بالحروف اللاتينية؛ فأضف التهجئات التي تختلف بأكثر من ذلك (مثل Hawler لأربيل).</translation>
    </message>
    <message>
        <source>Choose a kind…</source>
        <translation>اختر النوع…</translation>
    </message>
    <message>
        <source>“%1” is already a name of %2.</source>
        <translation>«%1» اسم معروف لـ%2.</translation>
    </message>
    <message>
        <source>Proposed because “%1” is spelt much like “%2”.</source>
        <translation>مقترح لأن «%1» يُكتب على نحو قريب جدًا من «%2».</translation>
    </message>
    <message>
        <source>Proposed because “%1” is spelt much like “%2”, a name of %3.</source>
        <translation>مقترح لأن «%1» يُكتب على نحو قريب جدًا من «%2»، وهو اسم لـ%3.</translation>
    </message>
    <message>
        <source>Search for the entity that “%1” names.</source>
        <translation>ابحث عن الكيان الذي يسمّيه «%1».</translation>
    </message>
    <message>
        <source>Change a spelling</source>
        <translation>تغيير تهجئة</translation>
    </message>
    <message>
        <source>Save and re-tag</source>
        <translation>حفظ وإعادة الوسم</translation>
    </message>
    <message>
        <source>Search to give the spelling to another entity.</source>
        <translation>ابحث لنقل التهجئة إلى كيان آخر.</translation>
    </message>
    <message>
        <source>Change an entity</source>
        <translation>تغيير كيان</translation>
    </message>
</context>
<context>
    <name>ArchiveActions</name>
    <message>
        <source>&amp;Open Archive…</source>
        <translation>&amp;فتح أرشيف…</translation>
    </message>
    <message>
        <source>Open &amp;Team Database…</source>
        <translation>فتح قاعدة بيانات ال&amp;فريق…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>فتح &amp;الأخيرة</translation>
    </message>
    <message>
        <source>Open an archive file (SQLite) on this computer</source>
        <translation>فتح ملف أرشيف (SQLite) على هذا الحاسوب</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Open the archive your desk shares on a PostgreSQL server</source>
        <translation>فتح الأرشيف الذي يتشاركه فريقك على خادم PostgreSQL</translation>
    </message>
    <message>
        <source>Open Archive</source>
        <translation>فتح أرشيف</translation>
    </message>
    <message>
        <source>Mirsad archives (*.sqlite *.db);;All files (*)</source>
        <translation>أرشيفات مرصد (*.sqlite *.db);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>No archives opened yet</source>
        <translation>لم يُفتح أي أرشيف بعد</translation>
    </message>
    <message>
        <source>&amp;Clear the List</source>
        <translation>م&amp;سح القائمة</translation>
    </message>
    <message>
        <source>Restore the Backup</source>
        <translation>استعادة النسخة الاحتياطية</translation>
    </message>
    <message>
        <source>Restore %1 from the backup made %2?

The damaged file is not deleted: it is kept beside it, renamed.</source>
        <translation>هل تستعيد %1 من النسخة الاحتياطية المأخوذة في %2؟

لن يُحذف الملف التالف: سيُحفظ بجانبه باسم آخر.</translation>
    </message>
</context>
<context>
    <name>BriefArticleModel</name>
    <message>
        <source>(article %1)</source>
        <translation>(المقال %1)</translation>
    </message>
</context>
<context>
    <name>BriefComposer</name>
    <message>
        <source>(untitled brief)</source>
        <translation>(موجز بلا عنوان)</translation>
    </message>
    <message>
        <source>New</source>
        <translation>جديد</translation>
    </message>
    <message>
        <source>Start a new brief</source>
        <translation>ابدأ موجزًا جديدًا</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>إعادة تسمية</translation>
    </message>
    <message>
        <source>Change the brief&apos;s title</source>
        <translation>غيّر عنوان الموجز</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Delete this brief (the articles stay in the archive)</source>
        <translation>احذف هذا الموجز (تبقى المقالات في الأرشيف)</translation>
    </message>
    <message>
        <source>The saved briefs; pick one to open it</source>
        <translation>الموجزات المحفوظة؛ اختر واحدًا لفتحه</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>ال&amp;عنوان:</translation>
    </message>
    <message>
        <source>The brief&apos;s title</source>
        <translation>عنوان الموجز</translation>
    </message>
    <message>
        <source>&amp;Introduction (Markdown):</source>
        <translation>ال&amp;مقدمة (Markdown):</translation>
    </message>
    <message>
        <source>Write the brief&apos;s introduction in Markdown: **bold**, _italic_, - lists</source>
        <translation>اكتب مقدمة الموجز بصيغة Markdown: **عريض**، _مائل_، - قوائم</translation>
    </message>
    <message>
        <source>&amp;Articles, in the brief&apos;s order:</source>
        <translation>ال&amp;مقالات، بترتيب الموجز:</translation>
    </message>
    <message>
        <source>Drag to reorder, or Alt+Up and Alt+Down; Delete removes an article from the brief; Enter opens it in the reader</source>
        <translation>اسحب لإعادة الترتيب، أو استخدم Alt+Up وAlt+Down؛ يزيل Delete المقال من الموجز، ويفتحه Enter في القارئ</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;معاينة</translation>
    </message>
    <message>
        <source>The brief as it will be exported</source>
        <translation>الموجز كما سيُصدَّر</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>&amp;تصدير…</translation>
    </message>
    <message>
        <source>Export this brief as PDF, ODT, HTML, Markdown or data</source>
        <translation>صدّر هذا الموجز بصيغة PDF أو ODT أو HTML أو Markdown أو كبيانات</translation>
    </message>
    <message>
        <source>Brief, %1</source>
        <translation>موجز، %1</translation>
    </message>
    <message numerus="yes">
        <source>%n article(s) added to a new brief.</source>
        <translation>
            <numerusform>لم يُضَف أي مقال إلى موجز جديد.</numerusform>
            <numerusform>أُضيف مقال واحد إلى موجز جديد.</numerusform>
            <numerusform>أُضيف مقالان إلى موجز جديد.</numerusform>
            <numerusform>أُضيفت %n مقالات إلى موجز جديد.</numerusform>
            <numerusform>أُضيف %n مقالًا إلى موجز جديد.</numerusform>
            <numerusform>أُضيف %n مقال إلى موجز جديد.</numerusform>
        </translation>
    </message>
    <message>
        <source>Already in the brief “%1”.</source>
        <translation>موجود أصلًا في الموجز «%1».</translation>
    </message>
    <message numerus="yes">
        <source>%n article(s) added to the brief “%1”.</source>
        <translation>
            <numerusform>لم يُضَف أي مقال إلى الموجز «%1».</numerusform>
            <numerusform>أُضيف مقال واحد إلى الموجز «%1».</numerusform>
            <numerusform>أُضيف مقالان إلى الموجز «%1».</numerusform>
            <numerusform>أُضيفت %n مقالات إلى الموجز «%1».</numerusform>
            <numerusform>أُضيف %n مقالًا إلى الموجز «%1».</numerusform>
            <numerusform>أُضيف %n مقال إلى الموجز «%1».</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete Brief</source>
        <translation>حذف الموجز</translation>
    </message>
    <message>
        <source>Delete the brief “%1”?</source>
        <translation>أتحذف الموجز «%1»؟</translation>
    </message>
    <message numerus="yes">
        <source>Its title, introduction and list of %n article(s) are deleted; the articles, highlights and notes stay in the archive.</source>
        <translation>
            <numerusform>يُحذف عنوانه ومقدمته وقائمة مقالاته (بلا مقالات)؛ أما المقالات والتظليلات والملاحظات فتبقى في الأرشيف.</numerusform>
            <numerusform>يُحذف عنوانه ومقدمته وقائمة مقالاته (مقال واحد)؛ أما المقالات والتظليلات والملاحظات فتبقى في الأرشيف.</numerusform>
            <numerusform>يُحذف عنوانه ومقدمته وقائمة مقالاته (مقالان)؛ أما المقالات والتظليلات والملاحظات فتبقى في الأرشيف.</numerusform>
            <numerusform>يُحذف عنوانه ومقدمته وقائمة مقالاته (%n مقالات)؛ أما المقالات والتظليلات والملاحظات فتبقى في الأرشيف.</numerusform>
            <numerusform>يُحذف عنوانه ومقدمته وقائمة مقالاته (%n مقالًا)؛ أما المقالات والتظليلات والملاحظات فتبقى في الأرشيف.</numerusform>
            <numerusform>يُحذف عنوانه ومقدمته وقائمة مقالاته (%n مقال)؛ أما المقالات والتظليلات والملاحظات فتبقى في الأرشيف.</numerusform>
        </translation>
    </message>
    <message>
        <source>Brief “%1” deleted.</source>
        <translation>حُذف الموجز «%1».</translation>
    </message>
    <message>
        <source>Pick a brief</source>
        <translation>اختر موجزًا</translation>
    </message>
    <message>
        <source>No briefs yet</source>
        <translation>لا موجزات بعد</translation>
    </message>
    <message>
        <source>Press New to start a brief, or add articles to one with Article ▸ Add to Brief or by dragging them here from the article list.</source>
        <translation>اضغط «جديد» لبدء موجز، أو أضف إليه مقالات من المقال ▸ إضافة إلى الموجز أو بسحبها إلى هنا من قائمة المقالات.</translation>
    </message>
    <message>
        <source>Drag articles here from the article list, or select them and use Article ▸ Add to Brief.</source>
        <translation>اسحب المقالات إلى هنا من قائمة المقالات، أو حدّدها واستخدم المقال ▸ إضافة إلى الموجز.</translation>
    </message>
</context>
<context>
    <name>BriefExporter</name>
    <message>
        <source>None of these articles has a highlight or a note.</source>
        <translation>لا يحوي أيّ من هذه المقالات تظليلًا أو ملاحظة.</translation>
    </message>
    <message>
        <source>There are no articles to export.</source>
        <translation>لا توجد مقالات لتصديرها.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>Pick the day from a calendar (Alt+Down)</source>
        <translation>اختر اليوم من التقويم (Alt+Down)</translation>
    </message>
    <message>
        <source>“%1” is not a date. Type a day as %2 or %3, or leave the field empty for any date.</source>
        <translation>«%1» ليس تاريخًا. اكتب اليوم بالشكل %2 أو %3، أو اترك الحقل فارغًا لأي تاريخ.</translation>
    </message>
</context>
<context>
    <name>EntityDirectory</name>
    <message>
        <source>Person</source>
        <translation>شخص</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>مكان</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>منظمة</translation>
    </message>
    <message>
        <source>In: %1</source>
        <translation>في: %1</translation>
    </message>
    <message>
        <source>Counting articles…</source>
        <translation>جارٍ عدّ المقالات…</translation>
    </message>
    <message numerus="yes">
        <source>Mentioned in %n article(s).</source>
        <translation>
            <numerusform>لم يُذكر في أي مقال.</numerusform>
            <numerusform>ذُكر في مقال واحد.</numerusform>
            <numerusform>ذُكر في مقالين.</numerusform>
            <numerusform>ذُكر في %n مقالات.</numerusform>
            <numerusform>ذُكر في %n مقالًا.</numerusform>
            <numerusform>ذُكر في %n مقال.</numerusform>
        </translation>
    </message>
    <message>
        <source>Click to filter the feed.</source>
        <translation>انقر لتصفية قائمة المقالات.</translation>
    </message>
</context>
<context>
    <name>EntityListPanel</name>
    <message>
        <source>Names in this article</source>
        <translation>الأسماء في هذا المقال</translation>
    </message>
    <message>
        <source>People</source>
        <translation>الأشخاص</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>الأماكن</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>المنظمات</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>مرات الذكر</translation>
    </message>
    <message>
        <source>How many times the article mentions each name</source>
        <translation>عدد المرات التي يذكر فيها المقال كل اسم</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>&amp;Only articles with highlights or notes</source>
        <translation>ال&amp;مقالات ذات التظليلات أو الملاحظات فقط</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <source>Brief: PDF</source>
        <translation>موجز: PDF</translation>
    </message>
    <message>
        <source>Brief: ODT (LibreOffice, Word)</source>
        <translation>موجز: ODT ‏(LibreOffice، Word)</translation>
    </message>
    <message>
        <source>Brief: HTML</source>
        <translation>موجز: HTML</translation>
    </message>
    <message>
        <source>Brief: Markdown</source>
        <translation>موجز: Markdown</translation>
    </message>
    <message>
        <source>Data: CSV of the highlights and notes (spreadsheets)</source>
        <translation>بيانات: CSV للتظليلات والملاحظات (جداول البيانات)</translation>
    </message>
    <message>
        <source>Data: JSON</source>
        <translation>بيانات: JSON</translation>
    </message>
    <message>
        <source>Data: W3C Web Annotations (JSON-LD)</source>
        <translation>بيانات: تعليقات الويب W3C ‏(JSON-LD)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;استعراض…</translation>
    </message>
    <message>
        <source>Export:</source>
        <translation>التصدير:</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>ال&amp;صيغة:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>ال&amp;عنوان:</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>ال&amp;ملف:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;تصدير</translation>
    </message>
    <message>
        <source>all articles</source>
        <translation>كل المقالات</translation>
    </message>
    <message>
        <source>The articles the list shows (counting…)</source>
        <translation>المقالات التي تعرضها القائمة (جارٍ العدّ…)</translation>
    </message>
    <message numerus="yes">
        <source>The articles the list shows: %n article(s)</source>
        <translation>
            <numerusform>المقالات التي تعرضها القائمة: لا مقالات</numerusform>
            <numerusform>المقالات التي تعرضها القائمة: مقال واحد</numerusform>
            <numerusform>المقالات التي تعرضها القائمة: مقالان</numerusform>
            <numerusform>المقالات التي تعرضها القائمة: %n مقالات</numerusform>
            <numerusform>المقالات التي تعرضها القائمة: %n مقالًا</numerusform>
            <numerusform>المقالات التي تعرضها القائمة: %n مقال</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The selected articles: %n article(s)</source>
        <translation>
            <numerusform>المقالات المحدّدة: لا مقالات</numerusform>
            <numerusform>المقالات المحدّدة: مقال واحد</numerusform>
            <numerusform>المقالات المحدّدة: مقالان</numerusform>
            <numerusform>المقالات المحدّدة: %n مقالات</numerusform>
            <numerusform>المقالات المحدّدة: %n مقالًا</numerusform>
            <numerusform>المقالات المحدّدة: %n مقال</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The open brief “%1”: %n article(s)</source>
        <translation>
            <numerusform>الموجز المفتوح «%1»: لا مقالات</numerusform>
            <numerusform>الموجز المفتوح «%1»: مقال واحد</numerusform>
            <numerusform>الموجز المفتوح «%1»: مقالان</numerusform>
            <numerusform>الموجز المفتوح «%1»: %n مقالات</numerusform>
            <numerusform>الموجز المفتوح «%1»: %n مقالًا</numerusform>
            <numerusform>الموجز المفتوح «%1»: %n مقال</numerusform>
        </translation>
    </message>
    <message>
        <source>The open brief (none is open)</source>
        <translation>الموجز المفتوح (لا موجز مفتوح)</translation>
    </message>
    <message>
        <source>Selected articles</source>
        <translation>المقالات المحدّدة</translation>
    </message>
    <message>
        <source>All articles</source>
        <translation>كل المقالات</translation>
    </message>
    <message>
        <source>A document to read: the title, the articles with their highlighted passages and notes, and an index of the names.</source>
        <translation>مستند للقراءة: العنوان، والمقالات بمقاطعها المظلَّلة وملاحظاتها، وفهرس للأسماء.</translation>
    </message>
    <message>
        <source>The highlights and notes, one record each, with their articles.</source>
        <translation>التظليلات والملاحظات، لكلٍّ منها سجل، مع مقالاتها.</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>التصدير إلى</translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation>ملفات %1 (*.%2)</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>المجلد %1 غير موجود.</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>الملف %1 موجود. أتستبدله؟</translation>
    </message>
    <message>
        <source>Export all %L1 articles the list shows?</source>
        <translation>أتصدّر كل المقالات التي تعرضها القائمة، وعددها %L1؟</translation>
    </message>
    <message>
        <source>A brief is usually a few dozen articles. Narrow the filter, or select the articles or compose a brief, to export fewer.</source>
        <translation>الموجز عادةً بضع عشرات من المقالات. ضيّق التصفية، أو حدّد المقالات أو ألّف موجزًا، لتصدير عدد أقل.</translation>
    </message>
    <message>
        <source>Export All</source>
        <translation>تصدير الكل</translation>
    </message>
</context>
<context>
    <name>FeedPane</name>
    <message>
        <source>&amp;Add Feed…</source>
        <translation>&amp;إضافة خلاصة…</translation>
    </message>
    <message>
        <source>&amp;Refresh All Feeds</source>
        <translation>&amp;تحديث كل الخلاصات</translation>
    </message>
    <message>
        <source>Refresh &amp;Selected Feed</source>
        <translation>تحديث الخلاصة ال&amp;محددة</translation>
    </message>
    <message>
        <source>&amp;Import Subscriptions (OPML)…</source>
        <translation>&amp;استيراد الاشتراكات (OPML)…</translation>
    </message>
    <message>
        <source>&amp;Export Subscriptions (OPML)…</source>
        <translation>&amp;تصدير الاشتراكات (OPML)…</translation>
    </message>
    <message>
        <source>New &amp;Folder…</source>
        <translation>مجلد &amp;جديد…</translation>
    </message>
    <message>
        <source>Refreshing: %1 of %2 feeds</source>
        <translation>جارٍ تحديث الخلاصات: %1 من %2</translation>
    </message>
    <message>
        <source>Feeds refreshed.</source>
        <translation>تم تحديث الخلاصات.</translation>
    </message>
    <message numerus="yes">
        <source>Feeds refreshed; %n could not be fetched (see the marked feeds).</source>
        <translation>
            <numerusform>تم تحديث الخلاصات؛ لم يتعذّر جلب أي خلاصة.</numerusform>
            <numerusform>تم تحديث الخلاصات؛ تعذّر جلب خلاصة واحدة (انظر الخلاصات المعلَّمة).</numerusform>
            <numerusform>تم تحديث الخلاصات؛ تعذّر جلب خلاصتين (انظر الخلاصات المعلَّمة).</numerusform>
            <numerusform>تم تحديث الخلاصات؛ تعذّر جلب %n خلاصات (انظر الخلاصات المعلَّمة).</numerusform>
            <numerusform>تم تحديث الخلاصات؛ تعذّر جلب %n خلاصة (انظر الخلاصات المعلَّمة).</numerusform>
            <numerusform>تم تحديث الخلاصات؛ تعذّر جلب %n خلاصة (انظر الخلاصات المعلَّمة).</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;إعادة تسمية…</translation>
    </message>
    <message>
        <source>&amp;Move to Folder</source>
        <translation>&amp;نقل إلى مجلد</translation>
    </message>
    <message>
        <source>No Folder</source>
        <translation>بلا مجلد</translation>
    </message>
    <message>
        <source>Load Remote &amp;Images</source>
        <translation>تحميل ال&amp;صور الخارجية</translation>
    </message>
    <message>
        <source>Images and other remote content in this feed&apos;s articles load only when allowed.</source>
        <translation>لا تُحمَّل الصور وغيرها من المحتوى الخارجي في مقالات هذه الخلاصة إلا إذا سمحت بذلك.</translation>
    </message>
    <message>
        <source>Remote content</source>
        <translation>المحتوى الخارجي</translation>
    </message>
    <message>
        <source>Refresh &amp;Interval…</source>
        <translation>ال&amp;فاصل الزمني للتحديث…</translation>
    </message>
    <message>
        <source>Refresh interval</source>
        <translation>الفاصل الزمني للتحديث</translation>
    </message>
    <message>
        <source>Refresh every (minutes):</source>
        <translation>التحديث كل (بالدقائق):</translation>
    </message>
    <message>
        <source>&amp;Copy Address</source>
        <translation>&amp;نسخ العنوان</translation>
    </message>
    <message>
        <source>&amp;Delete Local Articles…</source>
        <translation>&amp;حذف المقالات المحلية…</translation>
    </message>
    <message>
        <source>&amp;Unsubscribe…</source>
        <translation>&amp;إلغاء الاشتراك…</translation>
    </message>
    <message>
        <source>New &amp;Subfolder…</source>
        <translation>مجلد &amp;فرعي جديد…</translation>
    </message>
    <message>
        <source>&amp;Delete Folder</source>
        <translation>&amp;حذف المجلد</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>إعادة تسمية</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>الاسم:</translation>
    </message>
    <message>
        <source>Unsubscribe</source>
        <translation>إلغاء الاشتراك</translation>
    </message>
    <message numerus="yes">
        <source>Unsubscribe from “%1” and delete its %n article(s), with your highlights and notes on them?</source>
        <translation>
            <numerusform>أتريد إلغاء الاشتراك في «%1»؟ لا توجد فيها مقالات لحذفها.</numerusform>
            <numerusform>أتريد إلغاء الاشتراك في «%1» وحذف مقالها الوحيد، مع ما عليه من تظليلات وملاحظات؟</numerusform>
            <numerusform>أتريد إلغاء الاشتراك في «%1» وحذف مقاليها، مع ما عليهما من تظليلات وملاحظات؟</numerusform>
            <numerusform>أتريد إلغاء الاشتراك في «%1» وحذف مقالاتها (%n مقالات)، مع ما عليها من تظليلات وملاحظات؟</numerusform>
            <numerusform>أتريد إلغاء الاشتراك في «%1» وحذف مقالاتها (%n مقالًا)، مع ما عليها من تظليلات وملاحظات؟</numerusform>
            <numerusform>أتريد إلغاء الاشتراك في «%1» وحذف مقالاتها (%n مقال)، مع ما عليها من تظليلات وملاحظات؟</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete folder</source>
        <translation>حذف المجلد</translation>
    </message>
    <message>
        <source>New folder</source>
        <translation>مجلد جديد</translation>
    </message>
    <message>
        <source>Move feed</source>
        <translation>نقل الخلاصة</translation>
    </message>
    <message>
        <source>Import subscriptions</source>
        <translation>استيراد الاشتراكات</translation>
    </message>
    <message>
        <source>OPML files (*.opml *.xml);;All files (*)</source>
        <translation>ملفات OPML (*.opml *.xml);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Export subscriptions</source>
        <translation>تصدير الاشتراكات</translation>
    </message>
    <message>
        <source>OPML files (*.opml)</source>
        <translation>ملفات OPML (*.opml)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>تعذّرت كتابة %1: %2</translation>
    </message>
    <message>
        <source>Subscriptions exported to %1.</source>
        <translation>تم تصدير الاشتراكات إلى %1.</translation>
    </message>
    <message>
        <source>&amp;Mark Feed as Read</source>
        <translation>&amp;تعليم الموجز كمقروء</translation>
    </message>
    <message>
        <source>Mark “%1” as Read</source>
        <translation>تعليم «%1» كمقروء</translation>
    </message>
    <message>
        <source>Subscribed to %1.</source>
        <translation>تم الاشتراك في %1.</translation>
    </message>
    <message>
        <source>&amp;Mark Folder as Read</source>
        <translation>&amp;تعليم المجلد كمقروء</translation>
    </message>
    <message>
        <source>&amp;Mark All Feeds as Read</source>
        <translation>&amp;تعليم كل الموجزات كمقروءة</translation>
    </message>
    <message numerus="yes">
        <source>All %n feeds were fetched by colleagues just now; their articles are shown.</source>
        <translation>
            <numerusform>لم يجلب الزملاء أي موجز للتو.</numerusform>
            <numerusform>جلب أحد الزملاء الموجز للتو؛ مقالاته معروضة.</numerusform>
            <numerusform>جلب الزملاء الموجزين كليهما للتو؛ مقالاتهما معروضة.</numerusform>
            <numerusform>جلب الزملاء الموجزات الـ%n كلها للتو؛ مقالاتها معروضة.</numerusform>
            <numerusform>جلب الزملاء الموجزات الـ%n كلها للتو؛ مقالاتها معروضة.</numerusform>
            <numerusform>جلب الزملاء الموجزات الـ%n كلها للتو؛ مقالاتها معروضة.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n were fetched by colleagues just now.</source>
        <translation>
            <numerusform>لم يجلب الزملاء أيًّا منها.</numerusform>
            <numerusform>وجلب أحد الزملاء موجزًا واحدًا منها للتو.</numerusform>
            <numerusform>وجلب الزملاء موجزين منها للتو.</numerusform>
            <numerusform>وجلب الزملاء %n موجزات منها للتو.</numerusform>
            <numerusform>وجلب الزملاء %n موجزًا منها للتو.</numerusform>
            <numerusform>وجلب الزملاء %n موجز منها للتو.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 moved to %2, which is already subscribed as “%3”.</source>
        <translation>انتقل العنوان %1 إلى %2، وأنت مشترك فيه أصلًا باسم «%3».</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Search titles and text…</source>
        <translation>ابحث في العناوين والنصوص…</translation>
    </message>
    <message>
        <source>from any date</source>
        <translation>من أي تاريخ</translation>
    </message>
    <message>
        <source>to any date</source>
        <translation>إلى أي تاريخ</translation>
    </message>
    <message>
        <source>Published on or after this day</source>
        <translation>منشور في هذا اليوم أو بعده</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>غير مقروء</translation>
    </message>
    <message>
        <source>Only unread articles</source>
        <translation>المقالات غير المقروءة فقط</translation>
    </message>
    <message>
        <source>★ Starred</source>
        <translation>★ مميّز بنجمة</translation>
    </message>
    <message>
        <source>Only starred articles</source>
        <translation>المقالات المميّزة بنجمة فقط</translation>
    </message>
    <message>
        <source>Has notes</source>
        <translation>له ملاحظات</translation>
    </message>
    <message>
        <source>Only articles with notes</source>
        <translation>المقالات ذات الملاحظات فقط</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>مسح الكل</translation>
    </message>
    <message>
        <source>Remove this filter</source>
        <translation>إزالة عامل التصفية هذا</translation>
    </message>
    <message>
        <source>Published on or before this day (that day included)</source>
        <translation>منشور في هذا اليوم أو قبله (بما فيه هذا اليوم)</translation>
    </message>
    <message>
        <source>How to search: words, &quot;phrases&quot;, OR, -word, prefix* (F1)</source>
        <translation>طريقة البحث: كلمات، &quot;عبارات&quot;، OR، ‎-كلمة، بادئة* (F1)</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in article</source>
        <translation>البحث في المقال</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 من %2</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>السابق</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>المطابقة السابقة (Shift+F3)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>التالي</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>المطابقة التالية (F3)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation>إغلاق شريط البحث (Esc)</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>غير موجود</translation>
    </message>
</context>
<context>
    <name>HighlightColors</name>
    <message>
        <source>Yellow</source>
        <translation>أصفر</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>أخضر</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>أزرق</translation>
    </message>
    <message>
        <source>Pink</source>
        <translation>وردي</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>برتقالي</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>shared</source>
        <translation>مشتركة</translation>
    </message>
    <message>
        <source>private</source>
        <translation>خاصة</translation>
    </message>
    <message>
        <source>Reading the history…</source>
        <translation>جارٍ قراءة السجل…</translation>
    </message>
    <message>
        <source>History of the note</source>
        <translation>سجل الملاحظة</translation>
    </message>
    <message>
        <source>History of the highlight</source>
        <translation>سجل التظليل</translation>
    </message>
    <message>
        <source>When</source>
        <translation>متى</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>مَن</translation>
    </message>
    <message>
        <source>What</source>
        <translation>ماذا</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>added</source>
        <translation>أُضيفت</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>عُدِّلت</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>حُذفت</translation>
    </message>
    <message>
        <source>shared with the team</source>
        <translation>شوركت مع الفريق</translation>
    </message>
    <message>
        <source>made private</source>
        <translation>جُعلت خاصة</translation>
    </message>
    <message>
        <source>Only a team&apos;s archive keeps the history of notes and highlights; a file of one&apos;s own does not.</source>
        <translation>أرشيف الفريق وحده يحفظ سجل الملاحظات والتظليلات؛ الملف الشخصي لا يحفظه.</translation>
    </message>
    <message>
        <source>No history yet: the server has recorded no change to it.</source>
        <translation>لا سجل بعد: لم يسجّل الخادم أي تغيير عليها.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s), newest first.</source>
        <translation>
            <numerusform>لا تغييرات، الأحدث أولًا.</numerusform>
            <numerusform>تغيير واحد، الأحدث أولًا.</numerusform>
            <numerusform>تغييران، الأحدث أولًا.</numerusform>
            <numerusform>%n تغييرات، الأحدث أولًا.</numerusform>
            <numerusform>%n تغييرًا، الأحدث أولًا.</numerusform>
            <numerusform>%n تغيير، الأحدث أولًا.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 ← %2</translation>
    </message>
    <message>
        <source>Sharing</source>
        <translation>المشاركة</translation>
    </message>
    <message>
        <source>Text when deleted</source>
        <translation>النص عند الحذف</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>قبل</translation>
    </message>
    <message>
        <source>After</source>
        <translation>بعد</translation>
    </message>
    <message>
        <source>Text (unchanged)</source>
        <translation>النص (دون تغيير)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(فارغة)</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>ملاحظة: %1</translation>
    </message>
    <message>
        <source>Highlight: %1</source>
        <translation>تظليل: %1</translation>
    </message>
</context>
<context>
    <name>KeyboardShortcuts</name>
    <message>
        <source>J</source>
        <translation>J</translation>
    </message>
    <message>
        <source>Next article</source>
        <translation>المقال التالي</translation>
    </message>
    <message>
        <source>K</source>
        <translation>K</translation>
    </message>
    <message>
        <source>Previous article</source>
        <translation>المقال السابق</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Space</translation>
    </message>
    <message>
        <source>Page down, then the next article</source>
        <translation>صفحة إلى الأسفل، ثم المقال التالي</translation>
    </message>
    <message>
        <source>Shift+Space</source>
        <translation>Shift+Space</translation>
    </message>
    <message>
        <source>Page up</source>
        <translation>صفحة إلى الأعلى</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Star or unstar</source>
        <translation>تمييز بنجمة أو إزالتها</translation>
    </message>
    <message>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <source>Mark read or unread</source>
        <translation>تعليم كمقروء أو غير مقروء</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Mirsad</source>
        <translation>مرصد</translation>
    </message>
    <message>
        <source>No articles match. Import article files or subscribe to feeds.</source>
        <translation>لا توجد مقالات مطابقة. استورد ملفات مقالات أو اشترك في خلاصات.</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>جارٍ فتح %1…</translation>
    </message>
    <message numerus="yes">
        <source>Welcome to Mirsad: %n sample article(s) added.</source>
        <translation>
            <numerusform>مرحبًا بك في مرصد: لم يُضَف أي مقال نموذجي.</numerusform>
            <numerusform>مرحبًا بك في مرصد: أُضيف مقال نموذجي واحد.</numerusform>
            <numerusform>مرحبًا بك في مرصد: أُضيف مقالان نموذجيان.</numerusform>
            <numerusform>مرحبًا بك في مرصد: أُضيفت %n مقالات نموذجية.</numerusform>
            <numerusform>مرحبًا بك في مرصد: أُضيف %n مقالًا نموذجيًا.</numerusform>
            <numerusform>مرحبًا بك في مرصد: أُضيف %n مقال نموذجي.</numerusform>
        </translation>
    </message>
    <message>
        <source>F&amp;eeds</source>
        <translation>ال&amp;خلاصات</translation>
    </message>
    <message>
        <source>&amp;Names</source>
        <translation>ال&amp;أسماء</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <source>&amp;Import Files…</source>
        <translation>&amp;استيراد ملفات…</translation>
    </message>
    <message>
        <source>Import Articles or Feeds</source>
        <translation>استيراد مقالات أو خلاصات</translation>
    </message>
    <message>
        <source>Articles and feeds (*.txt *.html *.htm *.md *.xml *.rss *.atom *.json *.opml);;All files (*)</source>
        <translation>مقالات وخلاصات (*.txt *.html *.htm *.md *.xml *.rss *.atom *.json *.opml);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;تراجع</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;إعادة</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;نسخ</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>ال&amp;إعدادات…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;تكبير</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>&amp;تصغير</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>ال&amp;حجم الفعلي</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>ال&amp;سمة</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>ال&amp;نظام</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;فاتح</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;داكن</translation>
    </message>
    <message>
        <source>Raw &amp;Source</source>
        <translation>ال&amp;مصدر الخام</translation>
    </message>
    <message>
        <source>Ctrl+U</source>
        <translation>Ctrl+U</translation>
    </message>
    <message>
        <source>Clear &amp;Name Filter</source>
        <translation>إلغاء تصفية ال&amp;اسم</translation>
    </message>
    <message>
        <source>&amp;Article</source>
        <translation>ال&amp;مقال</translation>
    </message>
    <message>
        <source>&amp;Next Article	J</source>
        <translation>المقال ال&amp;تالي	J</translation>
    </message>
    <message>
        <source>&amp;Previous Article	K</source>
        <translation>المقال ال&amp;سابق	K</translation>
    </message>
    <message>
        <source>&amp;Star	S</source>
        <translation>&amp;تمييز بنجمة	S</translation>
    </message>
    <message>
        <source>Star</source>
        <translation>تمييز بنجمة</translation>
    </message>
    <message>
        <source>Toggle &amp;Read	M</source>
        <translation>تبديل حالة ال&amp;قراءة	M</translation>
    </message>
    <message>
        <source>&amp;Highlight</source>
        <translation>&amp;تظليل</translation>
    </message>
    <message>
        <source>Ctrl+H</source>
        <translation>Ctrl+H</translation>
    </message>
    <message>
        <source>Highlight in &amp;Colour</source>
        <translation>تظليل ب&amp;لون</translation>
    </message>
    <message>
        <source>New &amp;Note</source>
        <translation>&amp;ملاحظة جديدة</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>&amp;Delete Note or Highlight</source>
        <translation>&amp;حذف الملاحظة أو التظليل</translation>
    </message>
    <message>
        <source>Load Remote &amp;Images for This Feed</source>
        <translation>تحميل ال&amp;صور الخارجية لهذه الخلاصة</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;مساعدة</translation>
    </message>
    <message>
        <source>&amp;About Mirsad</source>
        <translation>&amp;عن مرصد</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>عن &amp;Qt</translation>
    </message>
    <message>
        <source>Select a passage of the article to highlight it.</source>
        <translation>حدّد مقطعًا من المقال لتظليله.</translation>
    </message>
    <message>
        <source>Showing the articles that mention %1 (View ▸ Clear Name Filter shows all).</source>
        <translation>تُعرض المقالات التي تذكر %1 (عرض ▸ إلغاء تصفية الاسم يعرض الكل).</translation>
    </message>
    <message>
        <source>No article matches the filters.</source>
        <translation>لا توجد مقالات تطابق عوامل التصفية.</translation>
    </message>
    <message>
        <source>Clear all filters</source>
        <translation>مسح كل عوامل التصفية</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>شريط الأدوات الرئيسي</translation>
    </message>
    <message>
        <source>&amp;Find in Article…</source>
        <translation>ال&amp;بحث في المقال…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>البحث عن ال&amp;تالي</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>البحث عن ال&amp;سابق</translation>
    </message>
    <message>
        <source>Configure Keyboard S&amp;hortcuts…</source>
        <translation>تخصيص ا&amp;ختصارات لوحة المفاتيح…</translation>
    </message>
    <message>
        <source>Ctrl+Alt+,</source>
        <translation>Ctrl+Alt+,</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>اختصارات &amp;لوحة المفاتيح</translation>
    </message>
    <message numerus="yes">
        <source>%n article(s) marked as read.</source>
        <translation>
            <numerusform>لم يُعلَّم أي مقال كمقروء.</numerusform>
            <numerusform>عُلِّم مقال واحد كمقروء.</numerusform>
            <numerusform>عُلِّم مقالان كمقروءين.</numerusform>
            <numerusform>عُلِّم %n مقالات كمقروءة.</numerusform>
            <numerusform>عُلِّم %n مقالاً كمقروء.</numerusform>
            <numerusform>عُلِّم %n مقال كمقروء.</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark All as &amp;Read</source>
        <translation>تعليم ال&amp;كل كمقروء</translation>
    </message>
    <message>
        <source>Marks every article the list shows as read</source>
        <translation>يعلّم كل مقال تعرضه القائمة كمقروء</translation>
    </message>
    <message>
        <source>Mark All &amp;Feeds as Read</source>
        <translation>تعليم كل ال&amp;موجزات كمقروءة</translation>
    </message>
    <message>
        <source>Next &amp;Unread Article</source>
        <translation>المقال &amp;غير المقروء التالي</translation>
    </message>
    <message>
        <source>Previous Unre&amp;ad Article</source>
        <translation>المقال غير المقروء ال&amp;سابق</translation>
    </message>
    <message>
        <source>&amp;Open in Browser</source>
        <translation>&amp;فتح في المتصفح</translation>
    </message>
    <message>
        <source>Copy &amp;Link</source>
        <translation>نسخ ال&amp;رابط</translation>
    </message>
    <message>
        <source>Mark All as Read</source>
        <translation>تعليم الكل كمقروء</translation>
    </message>
    <message>
        <source>Mark All Feeds as Read</source>
        <translation>تعليم كل الموجزات كمقروءة</translation>
    </message>
    <message>
        <source>Could not open %1 in a browser.</source>
        <translation>تعذّر فتح %1 في متصفح.</translation>
    </message>
    <message>
        <source>Link copied: %1</source>
        <translation>نُسخ الرابط: %1</translation>
    </message>
    <message>
        <source>This article was imported from a file: it has no web address.</source>
        <translation>استُورد هذا المقال من ملف: ليس له عنوان ويب.</translation>
    </message>
    <message>
        <source>This article has no web address.</source>
        <translation>ليس لهذا المقال عنوان ويب.</translation>
    </message>
    <message>
        <source>No more unread articles.</source>
        <translation>لا مزيد من المقالات غير المقروءة.</translation>
    </message>
    <message>
        <source>No unread articles above this one.</source>
        <translation>لا مقالات غير مقروءة فوق هذا المقال.</translation>
    </message>
    <message>
        <source>Upgrading the archive for this version of Mirsad: %L1 of %L2 articles…</source>
        <translation>ترقية الأرشيف لهذا الإصدار من مرصد: المقال %L1 من %L2…</translation>
    </message>
    <message>
        <source>Preparing search for word forms: %L1 words…</source>
        <translation>تجهيز البحث عن صيغ الكلمات: %L1 كلمة…</translation>
    </message>
    <message>
        <source>Search now finds the inflected forms of words too.</source>
        <translation>صار البحث يجد صيغ الكلمات المصرّفة أيضًا.</translation>
    </message>
    <message>
        <source>&amp;Search Syntax</source>
        <translation>&amp;صيغة البحث</translation>
    </message>
    <message>
        <source>Brief Composer</source>
        <translation>محرّر الموجز</translation>
    </message>
    <message>
        <source>&amp;Brief Composer</source>
        <translation>محرّر ال&amp;موجز</translation>
    </message>
    <message>
        <source>Compose a brief from articles: order them, write an introduction, preview and export it</source>
        <translation>ألّف موجزًا من المقالات: رتّبها، واكتب مقدمة، ثم عاينه وصدّره</translation>
    </message>
    <message>
        <source>Add to &amp;Brief</source>
        <translation>إضافة إلى ال&amp;موجز</translation>
    </message>
    <message>
        <source>Add the selected articles to the open brief (a new one when none is open)</source>
        <translation>أضف المقالات المحدّدة إلى الموجز المفتوح (أو إلى موجز جديد إن لم يكن هناك موجز مفتوح)</translation>
    </message>
    <message>
        <source>Export the articles the list shows, the selected ones or the open brief as a document (PDF, ODT, HTML, Markdown) or as data (CSV, JSON, W3C Web Annotations)</source>
        <translation>صدّر المقالات التي تعرضها القائمة أو المحدّدة منها أو الموجز المفتوح كمستند (PDF أو ODT أو HTML أو Markdown) أو كبيانات (CSV أو JSON أو تعليقات الويب W3C)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>فتح</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>جارٍ التصدير إلى %1…</translation>
    </message>
    <message>
        <source>Select the articles to add to the brief.</source>
        <translation>حدّد المقالات التي تضيفها إلى الموجز.</translation>
    </message>
    <message>
        <source>An export is still running.</source>
        <translation>ما زال تصدير جاريًا.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n article(s) to %1.</source>
        <translation>
            <numerusform>لم يُصدَّر أي مقال إلى %1.</numerusform>
            <numerusform>صُدِّر مقال واحد إلى %1.</numerusform>
            <numerusform>صُدِّر مقالان إلى %1.</numerusform>
            <numerusform>صُدِّرت %n مقالات إلى %1.</numerusform>
            <numerusform>صُدِّر %n مقالًا إلى %1.</numerusform>
            <numerusform>صُدِّر %n مقال إلى %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>فتح %1</translation>
    </message>
    <message>
        <source>The export failed.</source>
        <translation>فشل التصدير.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <source>Preview: %1</source>
        <translation>معاينة: %1</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>جارٍ تجهيز المعاينة…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>&amp;تصدير…</translation>
    </message>
    <message>
        <source>%1 — Mirsad</source>
        <translation>%1 — مرصد</translation>
    </message>
    <message>
        <source>Colleagues&apos; changes will not appear as they are made: %1</source>
        <translation>لن تظهر تغييرات الزملاء لحظة إجرائها: %1</translation>
    </message>
    <message>
        <source>Mirsad opens only web and mail links; %1 was not opened.</source>
        <translation>لا يفتح مرصد إلا روابط الويب والبريد؛ لم يُفتح %1.</translation>
    </message>
    <message>
        <source>Restore the Backup</source>
        <translation>استعادة النسخة الاحتياطية</translation>
    </message>
    <message>
        <source>This archive could not be opened.

%1</source>
        <translation>تعذّر فتح هذا الأرشيف.

%1</translation>
    </message>
    <message>
        <source>Restore the newest backup…</source>
        <translation>استعادة أحدث نسخة احتياطية…</translation>
    </message>
    <message>
        <source>This archive is read-only: Mirsad cannot write to %1 (its file, its folder or its disk is read-only). You can read, search and export it, but not change it: importing, refreshing feeds, notes, highlights and read marks are turned off.</source>
        <translation>هذا الأرشيف للقراءة فقط: لا يستطيع مرصد الكتابة في %1 (ملفه أو مجلده أو قرصه للقراءة فقط). يمكنك قراءته والبحث فيه وتصديره، لا تغييره: الاستيراد وتحديث الخلاصات والملاحظات والتظليل وتعليم المقروء معطّلة.</translation>
    </message>
    <message>
        <source>This archive is read-only: it cannot be changed.</source>
        <translation>هذا الأرشيف للقراءة فقط: لا يمكن تغييره.</translation>
    </message>
</context>
<context>
    <name>ManageNamesDialog</name>
    <message>
        <source>New person</source>
        <translation>شخص جديد</translation>
    </message>
    <message>
        <source>New place</source>
        <translation>مكان جديد</translation>
    </message>
    <message>
        <source>New organisation</source>
        <translation>منظمة جديدة</translation>
    </message>
    <message>
        <source>&amp;Change…</source>
        <translation>&amp;تغيير…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>إ&amp;زالة</translation>
    </message>
    <message>
        <source>Manage Names</source>
        <translation>إدارة الأسماء</translation>
    </message>
    <message>
        <source>The people, places and organisations you added, and the spellings you taught for known ones. Each change re-tags the archive; Ctrl+Z undoes it.</source>
        <translation>الأشخاص والأماكن والمنظمات التي أضفتها، والتهجئات التي علّمتها لكيانات معروفة. كل تغيير يعيد وسم الأرشيف، ويُتراجع عنه بـCtrl+Z.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Taught as</source>
        <translation>عُلِّم بوصفه</translation>
    </message>
    <message>
        <source>You have not taught Mirsad any names yet. Select a name in an article and choose Names ▸ Add Name from Selection (Ctrl+Shift+E).</source>
        <translation>لم تعلّم مرصد أي اسم بعد. حدّد اسمًا في مقال واختر الأسماء ▸ إضافة اسم من التحديد (Ctrl+Shift+E).</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>تغيير</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;تراجع</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;إعادة</translation>
    </message>
    <message>
        <source>Re-tagging the archive: %1 of %2 articles…</source>
        <translation>جارٍ إعادة وسم الأرشيف: %1 من %2 مقال…</translation>
    </message>
    <message numerus="yes">
        <source>The archive is up to date: names changed in %n article(s).</source>
        <translation>
            <numerusform>الأرشيف محدَّث: لم تتغير الأسماء في أي مقال.</numerusform>
            <numerusform>الأرشيف محدَّث: تغيرت الأسماء في مقال واحد.</numerusform>
            <numerusform>الأرشيف محدَّث: تغيرت الأسماء في مقالين.</numerusform>
            <numerusform>الأرشيف محدَّث: تغيرت الأسماء في %n مقالات.</numerusform>
            <numerusform>الأرشيف محدَّث: تغيرت الأسماء في %n مقالًا.</numerusform>
            <numerusform>الأرشيف محدَّث: تغيرت الأسماء في %n مقال.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 في %2</translation>
    </message>
    <message>
        <source>Spelling of %1</source>
        <translation>تهجئة لـ%1</translation>
    </message>
    <message>
        <source>Change the spelling “%1”</source>
        <translation>تغيير التهجئة «%1»</translation>
    </message>
    <message>
        <source>Change “%1”</source>
        <translation>تغيير «%1»</translation>
    </message>
    <message>
        <source>Remove the spelling “%1”</source>
        <translation>إزالة التهجئة «%1»</translation>
    </message>
    <message>
        <source>Remove “%1”</source>
        <translation>إزالة «%1»</translation>
    </message>
</context>
<context>
    <name>MarkdownEditor</name>
    <message>
        <source>Write a note in Markdown: **bold**, _italic_, - lists, [links](https://…)</source>
        <translation>اكتب ملاحظة بصيغة Markdown: **عريض**، _مائل_، - قوائم، [روابط](https://…)</translation>
    </message>
</context>
<context>
    <name>NameTeacher</name>
    <message>
        <source>Add &amp;Name from Selection…</source>
        <translation>إضافة &amp;اسم من التحديد…</translation>
    </message>
    <message>
        <source>Teach Mirsad the selected name: a new spelling of a known entity, or a new one.</source>
        <translation>علِّم مرصد الاسم المحدد: تهجئة جديدة لكيان معروف، أو كيانًا جديدًا.</translation>
    </message>
    <message numerus="yes">
        <source>Names updated in %n article(s).</source>
        <translation>
            <numerusform>لم تُحدَّث الأسماء في أي مقال.</numerusform>
            <numerusform>حُدِّثت الأسماء في مقال واحد.</numerusform>
            <numerusform>حُدِّثت الأسماء في مقالين.</numerusform>
            <numerusform>حُدِّثت الأسماء في %n مقالات.</numerusform>
            <numerusform>حُدِّثت الأسماء في %n مقالًا.</numerusform>
            <numerusform>حُدِّثت الأسماء في %n مقال.</numerusform>
        </translation>
    </message>
    <message>
        <source>Add a name</source>
        <translation>إضافة اسم</translation>
    </message>
    <message>
        <source>Select a name in the article first.</source>
        <translation>حدّد اسمًا في المقال أولًا.</translation>
    </message>
    <message>
        <source>That selection is too long to be a name.</source>
        <translation>النص المحدد أطول من أن يكون اسمًا.</translation>
    </message>
    <message>
        <source>Adding “%1”…</source>
        <translation>جارٍ إضافة «%1»…</translation>
    </message>
    <message>
        <source>Updating the names in the archive: %1 of %2 articles</source>
        <translation>تحديث الأسماء في الأرشيف: المقال %1 من %2</translation>
    </message>
    <message>
        <source>&amp;Manage Names…</source>
        <translation>إ&amp;دارة الأسماء…</translation>
    </message>
    <message>
        <source>See, change or remove the names you taught Mirsad.</source>
        <translation>اعرض الأسماء التي علّمتها لمرصد أو غيّرها أو أزلها.</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>الأسماء</translation>
    </message>
    <message>
        <source>Add “%1” as a spelling of %2</source>
        <translation>إضافة «%1» تهجئةً لـ%2</translation>
    </message>
    <message>
        <source>Add “%1”</source>
        <translation>إضافة «%1»</translation>
    </message>
    <message>
        <source>&amp;Pause Updating Names</source>
        <translation>إيقاف تحديث الأسماء &amp;مؤقتاً</translation>
    </message>
    <message>
        <source>Hold back updating the names of the archive&apos;s articles; uncheck to go on from where it stopped.</source>
        <translation>أوقف مؤقتاً تحديث الأسماء في مقالات الأرشيف؛ ألغِ التحديد لمتابعته من حيث توقّف.</translation>
    </message>
    <message>
        <source>Updating the names in the archive: paused at %1 of %2 articles</source>
        <translation>تحديث الأسماء في الأرشيف: متوقف مؤقتاً عند المقال %1 من %2</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>tags, comma separated</source>
        <translation>وسوم مفصولة بفواصل</translation>
    </message>
    <message>
        <source>&amp;Write</source>
        <translation>&amp;كتابة</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;معاينة</translation>
    </message>
    <message>
        <source>Ta&amp;gs:</source>
        <translation>ال&amp;وسوم:</translation>
    </message>
    <message>
        <source>Select a note, or add one with Ctrl+Shift+N.</source>
        <translation>حدّد ملاحظة، أو أضف واحدة بالضغط على Ctrl+Shift+N.</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>مجهول</translation>
    </message>
    <message>
        <source>created %1</source>
        <translation>أُنشئت في %1</translation>
    </message>
    <message>
        <source>updated %1</source>
        <translation>حُدِّثت في %1</translation>
    </message>
    <message>
        <source>A highlighted passage. Add a note on it with Ctrl+Shift+N.</source>
        <translation>مقطع مظلَّل. أضف ملاحظة عليه بالضغط على Ctrl+Shift+N.</translation>
    </message>
    <message>
        <source>This note is %1&apos;s: only its author can change it.</source>
        <translation>هذه الملاحظة لـ%1: لا يغيّرها إلا كاتبها.</translation>
    </message>
    <message>
        <source>Shared with the team</source>
        <translation>مشتركة مع الفريق</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>خاصة</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>للقراءة فقط</translation>
    </message>
    <message>
        <source>This archive is read-only: notes can be read, not changed.</source>
        <translation>هذا الأرشيف للقراءة فقط: تُقرأ الملاحظات ولا تُغيَّر.</translation>
    </message>
</context>
<context>
    <name>NotesPane</name>
    <message>
        <source>(empty note)</source>
        <translation>(ملاحظة فارغة)</translation>
    </message>
    <message>
        <source>Notes and highlights</source>
        <translation>الملاحظات والتظليلات</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>ملاحظة جديدة</translation>
    </message>
    <message>
        <source>Add a note on the article, or on the selected highlight (Ctrl+Shift+N)</source>
        <translation>أضف ملاحظة على المقال، أو على التظليل المحدد (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Delete the selected note or highlight (undo with Ctrl+Z)</source>
        <translation>احذف الملاحظة أو التظليل المحدد (للتراجع: Ctrl+Z)</translation>
    </message>
    <message>
        <source>⚠ Orphaned: “%1”</source>
        <translation>⚠ فقد موضعه: «%1»</translation>
    </message>
    <message>
        <source>The article&apos;s text changed and this passage could not be found again.</source>
        <translation>تغيّر نص المقال وتعذّر العثور على هذا المقطع مجددًا.</translation>
    </message>
    <message>
        <source>Highlighted passage; select to show it in the article.</source>
        <translation>مقطع مظلَّل؛ حدّده لعرضه في المقال.</translation>
    </message>
    <message>
        <source>No notes or highlights yet. Select text in the article and press Ctrl+H to highlight it.</source>
        <translation>لا توجد ملاحظات أو تظليلات بعد. حدّد نصًا في المقال واضغط Ctrl+H لتظليله.</translation>
    </message>
    <message>
        <source>Show only the notes with this tag</source>
        <translation>عرض الملاحظات الموسومة بهذا الوسم فقط</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>المقالات</translation>
    </message>
    <message>
        <source>List the articles that have a note with this tag</source>
        <translation>عرض المقالات التي لها ملاحظة بهذا الوسم</translation>
    </message>
    <message>
        <source>&amp;Tag:</source>
        <translation>ال&amp;وسم:</translation>
    </message>
    <message>
        <source>No note on this article is tagged #%1.</source>
        <translation>لا توجد ملاحظة على هذا المقال بالوسم #%1.</translation>
    </message>
    <message>
        <source>All notes</source>
        <translation>كل الملاحظات</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>مجهول</translation>
    </message>
    <message>
        <source>%1 · Shared with the team</source>
        <translation>%1 · مشتركة مع الفريق</translation>
    </message>
    <message>
        <source>%1 · Private</source>
        <translation>%1 · خاصة</translation>
    </message>
    <message>
        <source>%1&apos;s, shared with the team; only its author can change it.</source>
        <translation>لـ%1، مشتركة مع الفريق؛ لا يغيّرها إلا كاتبها.</translation>
    </message>
    <message>
        <source>Yours, shared with the team.</source>
        <translation>لك، مشتركة مع الفريق.</translation>
    </message>
    <message>
        <source>Yours and private: only you can see it until you share it.</source>
        <translation>لك وخاصة: لا يراها غيرك حتى تشاركها.</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>مشتركة</translation>
    </message>
    <message>
        <source>Share the selected note or highlight with the team, or make it private again (undo with Ctrl+Z)</source>
        <translation>مشاركة الملاحظة أو الإبراز المحدد مع الفريق، أو جعله خاصًا من جديد (تراجع بـ Ctrl+Z)</translation>
    </message>
    <message>
        <source>Make private</source>
        <translation>اجعلها خاصة</translation>
    </message>
    <message>
        <source>Share with the team</source>
        <translation>شارك مع الفريق</translation>
    </message>
    <message>
        <source>&gt; **Conflict copy** of note %1 by %2: the note was saved elsewhere before this text was, so this text is kept here.</source>
        <translation>&gt; **نسخة متعارضة** من الملاحظة %1 لـ %2: حُفظت الملاحظة في مكان آخر قبل حفظ هذا النص، فاحتُفظ به هنا.</translation>
    </message>
    <message>
        <source>Offline — saved locally. The server cannot be reached; what you type is kept on this computer and saved to the server when it is back.</source>
        <translation>غير متصل — حُفظ محليًا. تعذّر الوصول إلى الخادم؛ ما تكتبه محفوظ على هذا الحاسوب، ويُحفظ على الخادم حين يعود.</translation>
    </message>
    <message>
        <source>Back online: everything you typed is saved on the server.</source>
        <translation>عاد الاتصال: كل ما كتبته محفوظ على الخادم.</translation>
    </message>
    <message numerus="yes">
        <source>%n note(s) typed while the server was away are now saved on it.</source>
        <translation>
            <numerusform>حُفظت الآن على الخادم %n ملاحظة كُتبت أثناء غيابه.</numerusform>
            <numerusform>حُفظت الآن على الخادم ملاحظة واحدة كُتبت أثناء غيابه.</numerusform>
            <numerusform>حُفظت الآن على الخادم ملاحظتان كُتبتا أثناء غيابه.</numerusform>
            <numerusform>حُفظت الآن على الخادم %n ملاحظات كُتبت أثناء غيابه.</numerusform>
            <numerusform>حُفظت الآن على الخادم %n ملاحظة كُتبت أثناء غيابه.</numerusform>
            <numerusform>حُفظت الآن على الخادم %n ملاحظة كُتبت أثناء غيابه.</numerusform>
        </translation>
    </message>
    <message>
        <source>Note %1 by %2 was saved elsewhere before your text was. Nothing is lost: your text is kept as a conflict copy beside it, open below.</source>
        <translation>حُفظت الملاحظة %1 لـ %2 في مكان آخر قبل نصّك. لم يضع شيء: نصّك محفوظ في نسخة متعارضة بجانبها، مفتوحة أدناه.</translation>
    </message>
    <message>
        <source>Note %1 by %2 was saved elsewhere before your text was. Nothing is lost: your text is kept as a conflict copy beside it.</source>
        <translation>حُفظت الملاحظة %1 لـ %2 في مكان آخر قبل نصّك. لم يضع شيء: نصّك محفوظ في نسخة متعارضة بجانبها.</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>السجل…</translation>
    </message>
    <message>
        <source>Who added, changed or deleted it, and when</source>
        <translation>مَن أضافها أو عدّلها أو حذفها، ومتى</translation>
    </message>
    <message>
        <source>Only a team&apos;s archive keeps history</source>
        <translation>أرشيف الفريق وحده يحفظ السجل</translation>
    </message>
    <message numerus="yes">
        <source>Recovered %n note(s): what you typed before Mirsad last stopped is saved.</source>
        <translation>
            <numerusform>استُعيدت %n ملاحظة: حُفظ ما كتبته قبل أن يتوقف مرصد آخر مرة.</numerusform>
            <numerusform>استُعيدت ملاحظة واحدة: حُفظ ما كتبته قبل أن يتوقف مرصد آخر مرة.</numerusform>
            <numerusform>استُعيدت ملاحظتان: حُفظ ما كتبته قبل أن يتوقف مرصد آخر مرة.</numerusform>
            <numerusform>استُعيدت %n ملاحظات: حُفظ ما كتبته قبل أن يتوقف مرصد آخر مرة.</numerusform>
            <numerusform>استُعيدت %n ملاحظة: حُفظ ما كتبته قبل أن يتوقف مرصد آخر مرة.</numerusform>
            <numerusform>استُعيدت %n ملاحظة: حُفظ ما كتبته قبل أن يتوقف مرصد آخر مرة.</numerusform>
        </translation>
    </message>
    <message>
        <source>This archive is read-only: a note cannot be added to it.</source>
        <translation>هذا الأرشيف للقراءة فقط: لا يمكن إضافة ملاحظة إليه.</translation>
    </message>
</context>
<context>
    <name>PaneLayout</name>
    <message>
        <source>Show &amp;Feeds and Filters</source>
        <translation>إظهار ال&amp;خلاصات وعوامل التصفية</translation>
    </message>
    <message>
        <source>Show &amp;Notes and Names</source>
        <translation>إظهار ال&amp;ملاحظات والأسماء</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Highlight “%1”</source>
        <translation>تظليل «%1»</translation>
    </message>
    <message>
        <source>Change highlight colour</source>
        <translation>تغيير لون التظليل</translation>
    </message>
    <message>
        <source>Remove highlight “%1”</source>
        <translation>إزالة تظليل «%1»</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>حذف الملاحظة</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>إضافة ملاحظة</translation>
    </message>
    <message>
        <source>Share note</source>
        <translation>مشاركة ملاحظة</translation>
    </message>
    <message>
        <source>Make note private</source>
        <translation>جعل ملاحظة خاصة</translation>
    </message>
    <message>
        <source>Share highlight</source>
        <translation>مشاركة إبراز</translation>
    </message>
    <message>
        <source>Make highlight private</source>
        <translation>جعل إبراز خاصًا</translation>
    </message>
</context>
<context>
    <name>RawSourceView</name>
    <message>
        <source>Source of “%1”</source>
        <translation>مصدر «%1»</translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message numerus="yes">
        <source>%n remote image(s) blocked.</source>
        <translation>
            <numerusform>لم تُحجب أي صورة خارجية.</numerusform>
            <numerusform>حُجبت صورة خارجية واحدة.</numerusform>
            <numerusform>حُجبت صورتان خارجيتان.</numerusform>
            <numerusform>حُجبت %n صور خارجية.</numerusform>
            <numerusform>حُجبت %n صورة خارجية.</numerusform>
            <numerusform>حُجبت %n صورة خارجية.</numerusform>
        </translation>
    </message>
    <message>
        <source>Load remote images for this feed</source>
        <translation>تحميل الصور الخارجية لهذه الخلاصة</translation>
    </message>
    <message>
        <source>&amp;Highlight</source>
        <translation>&amp;تظليل</translation>
    </message>
    <message>
        <source>Highlight &amp;colour</source>
        <translation>&amp;لون التظليل</translation>
    </message>
    <message>
        <source>&amp;Remove highlight</source>
        <translation>&amp;إزالة التظليل</translation>
    </message>
    <message>
        <source>Add a &amp;note on this highlight</source>
        <translation>إضافة &amp;ملاحظة على هذا التظليل</translation>
    </message>
    <message>
        <source>Add a &amp;note on this article</source>
        <translation>إضافة &amp;ملاحظة على هذا المقال</translation>
    </message>
</context>
<context>
    <name>SearchHelp</name>
    <message>
        <source>Search titles and text: words (all must match, in any form), &quot;exact phrase&quot;, a OR b, -word to leave out, prefix*. F1 for help.</source>
        <translation>البحث في العناوين والنصوص: كلمات (تطابق كلها، بأي صيغة)، &quot;عبارة مطابقة&quot;، أ OR ب، ‎-كلمة للاستبعاد، بادئة*. اضغط F1 للمساعدة.</translation>
    </message>
    <message>
        <source>words</source>
        <translation>كلمات</translation>
    </message>
    <message>
        <source>Articles with every word, in any of its forms: with %1 and %2 in front, and inflected (delegation finds delegations).</source>
        <translation>المقالات التي فيها كل الكلمات بأي صيغة من صيغها: تسبقها %1 و%2، ومصرّفة (delegation تجد delegations).</translation>
    </message>
    <message>
        <source>&quot;exact phrase&quot;</source>
        <translation>&quot;عبارة مطابقة&quot;</translation>
    </message>
    <message>
        <source>These words in this order, as written: no other forms.</source>
        <translation>هذه الكلمات بهذا الترتيب كما كُتبت، دون صيغ أخرى.</translation>
    </message>
    <message>
        <source>a OR b</source>
        <translation>أ OR ب</translation>
    </message>
    <message>
        <source>Either of them. OR in capitals.</source>
        <translation>إحداهما. تُكتب OR بحروف كبيرة.</translation>
    </message>
    <message>
        <source>-word</source>
        <translation>‎-كلمة</translation>
    </message>
    <message>
        <source>Leaves out the articles that have it (also -&quot;a phrase&quot;).</source>
        <translation>تستبعد المقالات التي تحتويها (وكذلك ‎-&quot;عبارة&quot;).</translation>
    </message>
    <message>
        <source>prefix*</source>
        <translation>بادئة*</translation>
    </message>
    <message>
        <source>Words that start with it, after their clitics: at least 2 letters.</source>
        <translation>الكلمات التي تبدأ بها بعد ما يتصل بها من حروف: حرفان على الأقل.</translation>
    </message>
    <message>
        <source>Searching titles and text</source>
        <translation>البحث في العناوين والنصوص</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>بالعربية</translation>
    </message>
    <message>
        <source>English</source>
        <translation>بالإنجليزية</translation>
    </message>
    <message>
        <source>Spelling variants never matter: %1 and %2, %3 and %4, %5 and %6, diacritics, tatweel and capital letters.</source>
        <translation>لا أثر لاختلاف الإملاء: %1 و%2، %3 و%4، %5 و%6، ولا للتشكيل والتطويل والحروف الكبيرة.</translation>
    </message>
    <message>
        <source>The list follows as you type; Enter searches at once.</source>
        <translation>تتبع القائمة ما تكتبه، ويبحث مفتاح Enter فورًا.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Load remote images and content for new feeds</source>
        <translation>تحميل الصور والمحتوى الخارجي للخلاصات الجديدة</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>System</source>
        <translation>النظام</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>فاتح</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>داكن</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> نقطة</translation>
    </message>
    <message>
        <source> min</source>
        <translation> دقيقة</translation>
    </message>
    <message>
        <source>&amp;Author of notes:</source>
        <translation>&amp;كاتب الملاحظات:</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>ال&amp;سمة:</translation>
    </message>
    <message>
        <source>&amp;Reader font:</source>
        <translation>&amp;خط القراءة:</translation>
    </message>
    <message>
        <source>Reader font &amp;size:</source>
        <translation>&amp;حجم خط القراءة:</translation>
    </message>
    <message>
        <source>&amp;Arabic font:</source>
        <translation>الخط ال&amp;عربي:</translation>
    </message>
    <message>
        <source>Refresh feeds &amp;every:</source>
        <translation>تحديث الخلاصات &amp;كل:</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>&amp;None</source>
        <translation>&amp;بلا اختصار</translation>
    </message>
    <message>
        <source>&amp;Default</source>
        <translation>ال&amp;افتراضي</translation>
    </message>
    <message>
        <source>&amp;Reassign</source>
        <translation>إعادة ال&amp;تعيين</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>Search for an action or a key</source>
        <translation>ابحث عن أمر أو مفتاح</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>الأمر</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>الاختصار</translation>
    </message>
    <message>
        <source>Leave this command without a shortcut</source>
        <translation>اترك هذا الأمر بلا اختصار</translation>
    </message>
    <message>
        <source>&amp;Shortcut:</source>
        <translation>ال&amp;اختصار:</translation>
    </message>
    <message>
        <source>Reset &amp;All</source>
        <translation>استعادة ال&amp;كل</translation>
    </message>
    <message>
        <source>Article list and reader › %1</source>
        <translation>قائمة المقالات والقارئ › %1</translation>
    </message>
    <message>
        <source>These keys work while the article list or the reader has the focus.</source>
        <translation>تعمل هذه المفاتيح حين يكون التركيز في قائمة المقالات أو القارئ.</translation>
    </message>
    <message>
        <source>%1 types text, so it cannot be a shortcut of the window: add Ctrl or Alt.</source>
        <translation>%1 يكتب نصاً، فلا يصلح اختصاراً للنافذة: أضف Ctrl أو Alt.</translation>
    </message>
    <message>
        <source>%1 is already the shortcut of “%2”.</source>
        <translation>%1 هو اختصار «%2» من قبل.</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Regions</source>
        <translation>المناطق</translation>
    </message>
    <message>
        <source>Find a person or organisation…</source>
        <translation>ابحث عن شخص أو منظمة…</translation>
    </message>
    <message>
        <source>Save current…</source>
        <translation>حفظ الحالي…</translation>
    </message>
    <message>
        <source>Save the current filter as a watchlist</source>
        <translation>احفظ عامل التصفية الحالي كقائمة متابعة</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>إعادة تسمية…</translation>
    </message>
    <message>
        <source>Rename the selected watchlist</source>
        <translation>أعد تسمية قائمة المتابعة المحددة</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>تحديث</translation>
    </message>
    <message>
        <source>Give the selected watchlist the current filter</source>
        <translation>حدِّث قائمة المتابعة المحددة بعامل التصفية الحالي</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Delete the selected watchlist</source>
        <translation>احذف قائمة المتابعة المحددة</translation>
    </message>
    <message>
        <source>Watchlists</source>
        <translation>قوائم المتابعة</translation>
    </message>
    <message>
        <source>Save as watchlist</source>
        <translation>حفظ كقائمة متابعة</translation>
    </message>
    <message>
        <source>Name of the watchlist:</source>
        <translation>اسم قائمة المتابعة:</translation>
    </message>
    <message>
        <source>Rename watchlist</source>
        <translation>إعادة تسمية قائمة المتابعة</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>الاسم الجديد:</translation>
    </message>
    <message>
        <source>Delete watchlist</source>
        <translation>حذف قائمة المتابعة</translation>
    </message>
    <message>
        <source>Delete the watchlist “%1”?</source>
        <translation>أتريد حذف قائمة المتابعة «%1»؟</translation>
    </message>
    <message>
        <source>Regions: click one to show the articles that name a place in it (Ctrl+click adds it to the regions already chosen)</source>
        <translation>المناطق: انقر منطقة لعرض المقالات التي تذكر مكانًا فيها (Ctrl+نقرة تضيفها إلى المناطق المختارة)</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>الأسماء</translation>
    </message>
    <message>
        <source>People and organisations, the most mentioned first</source>
        <translation>الأشخاص والمنظمات، الأكثر ذكرًا أولًا</translation>
    </message>
    <message>
        <source>Saved filters, with how many of their articles are unread</source>
        <translation>عوامل تصفية محفوظة، مع عدد مقالاتها غير المقروءة</translation>
    </message>
    <message>
        <source>Nothing to save yet: a watchlist keeps a filter. Choose a region, a name, a feed or a search first.</source>
        <translation>لا شيء للحفظ بعد: قائمة المتابعة تحفظ عامل تصفية. اختر أولًا منطقة أو اسمًا أو خلاصة أو بحثًا.</translation>
    </message>
    <message>
        <source>Choose a filter first: Update gives it to the selected watchlist.</source>
        <translation>اختر عامل تصفية أولًا: «تحديث» يعطيه لقائمة المتابعة المحددة.</translation>
    </message>
</context>
<context>
    <name>TeamDatabaseDialog</name>
    <message>
        <source>When the server offers it (libpq&apos;s default)</source>
        <translation>عندما يتيحه الخادم (الافتراضي في libpq)</translation>
    </message>
    <message>
        <source>Always</source>
        <translation>دائمًا</translation>
    </message>
    <message>
        <source>Always, with the server&apos;s certificate checked</source>
        <translation>دائمًا، مع التحقق من شهادة الخادم</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>أبدًا</translation>
    </message>
    <message>
        <source>Open Team Database</source>
        <translation>فتح قاعدة بيانات الفريق</translation>
    </message>
    <message>
        <source>The PostgreSQL server your desk shares. Mirsad creates its tables in an empty database. A password comes from ~/.pgpass or PGPASSWORD, or from this dialog; it is never saved.</source>
        <translation>خادم PostgreSQL الذي يتشاركه فريقك. ينشئ مرصد جداوله في قاعدة بيانات فارغة. تؤخذ كلمة المرور من ⁦~/.pgpass⁩ أو ⁦PGPASSWORD⁩ أو من هذه النافذة، ولا تُحفظ أبدًا.</translation>
    </message>
    <message>
        <source>(a new server)</source>
        <translation>(خادم جديد)</translation>
    </message>
    <message>
        <source>db.desk.example, or a socket folder such as /run/postgresql</source>
        <translation>db.desk.example، أو مجلد مقبس مثل ⁦/run/postgresql⁩</translation>
    </message>
    <message>
        <source>the archive&apos;s database, e.g. desk</source>
        <translation>قاعدة بيانات الأرشيف، مثل desk</translation>
    </message>
    <message>
        <source>your login name</source>
        <translation>اسم دخولك</translation>
    </message>
    <message>
        <source>from ~/.pgpass or PGPASSWORD when empty</source>
        <translation>من ⁦~/.pgpass⁩ أو ⁦PGPASSWORD⁩ إن تُركت فارغة</translation>
    </message>
    <message>
        <source>&amp;Recent:</source>
        <translation>الأ&amp;خيرة:</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>ال&amp;خادم:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>المن&amp;فذ:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;قاعدة البيانات:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>ال&amp;مستخدم:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;كلمة المرور:</translation>
    </message>
    <message>
        <source>&amp;Encryption:</source>
        <translation>الت&amp;شفير:</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>ا&amp;تصال</translation>
    </message>
    <message>
        <source>Name the database the archive is in.</source>
        <translation>سمِّ قاعدة البيانات التي فيها الأرشيف.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>جارٍ الاتصال بـ %1…</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Mirsad</source>
        <translation>مرصد</translation>
    </message>
    <message>
        <source>A news desk for Iraqi and Kurdish affairs.</source>
        <translation>مكتب أخبار للشؤون العراقية والكردية.</translation>
    </message>
    <message>
        <source>The database file.</source>
        <translation>ملف قاعدة البيانات.</translation>
    </message>
    <message>
        <source>Save a screenshot of the window to FILE once the first article is shown.</source>
        <translation>احفظ لقطة شاشة للنافذة في FILE بمجرد عرض المقال الأول.</translation>
    </message>
    <message>
        <source>Quit after saving the screenshot.</source>
        <translation>اخرج بعد حفظ لقطة الشاشة.</translation>
    </message>
</context>
<context>
    <name>mirsad</name>
    <message>
        <source>Local articles</source>
        <translation>المقالات المحلية</translation>
    </message>
</context>
<context>
    <name>mirsad::filters</name>
    <message>
        <source>Name</source>
        <translation>اسم</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>شخص</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>مكان</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>منظمة</translation>
    </message>
    <message>
        <source>Feed: %1</source>
        <translation>الخلاصة: %1</translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>المجلد: %1</translation>
    </message>
    <message>
        <source>Region: %1</source>
        <translation>المنطقة: %1</translation>
    </message>
    <message>
        <source>%1 more</source>
        <translation>%1 أخرى</translation>
    </message>
    <message>
        <source> or </source>
        <translation> أو </translation>
    </message>
    <message>
        <source>Text: “%1”</source>
        <translation>النص: «%1»</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>من %1</translation>
    </message>
    <message>
        <source>Before %1</source>
        <translation>قبل %1</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>غير مقروء</translation>
    </message>
    <message>
        <source>Starred</source>
        <translation>مميّز بنجمة</translation>
    </message>
    <message>
        <source>Has notes</source>
        <translation>له ملاحظات</translation>
    </message>
    <message>
        <source>%1 and places within</source>
        <translation>%1 وما يقع ضمنها</translation>
    </message>
    <message>
        <source>To %1</source>
        <translation>حتى %1</translation>
    </message>
    <message>
        <source>Note tag: #%1</source>
        <translation>وسم ملاحظة: #%1</translation>
    </message>
    <message>
        <source>Articles with a note tagged #%1</source>
        <translation>مقالات لها ملاحظة موسومة #%1</translation>
    </message>
</context>
<context>
    <name>mirsad::ingest::FeedRefresher</name>
    <message>
        <source>a colleague</source>
        <translation>أحد الزملاء</translation>
    </message>
    <message>
        <source>%1: %2 is fetching it right now.</source>
        <translation>%1: يجلبه %2 الآن.</translation>
    </message>
    <message numerus="yes">
        <source>%1: fetched by %2 %n second(s) ago.</source>
        <translation>
            <numerusform>%1: جلبه %2 قبل لحظات.</numerusform>
            <numerusform>%1: جلبه %2 قبل ثانية.</numerusform>
            <numerusform>%1: جلبه %2 قبل ثانيتين.</numerusform>
            <numerusform>%1: جلبه %2 قبل %n ثوانٍ.</numerusform>
            <numerusform>%1: جلبه %2 قبل %n ثانية.</numerusform>
            <numerusform>%1: جلبه %2 قبل %n ثانية.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: fetched by %2 %n minute(s) ago.</source>
        <translation>
            <numerusform>%1: جلبه %2 قبل أقل من دقيقة.</numerusform>
            <numerusform>%1: جلبه %2 قبل دقيقة.</numerusform>
            <numerusform>%1: جلبه %2 قبل دقيقتين.</numerusform>
            <numerusform>%1: جلبه %2 قبل %n دقائق.</numerusform>
            <numerusform>%1: جلبه %2 قبل %n دقيقة.</numerusform>
            <numerusform>%1: جلبه %2 قبل %n دقيقة.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: fetched by %2 just now.</source>
        <translation>%1: جلبه %2 للتو.</translation>
    </message>
</context>
<context>
    <name>mirsad::ingest::FeedUpdater</name>
    <message>
        <source>“%1” is not a web address (it should start with https://).</source>
        <translation>«%1» ليس عنوان ويب (يجب أن يبدأ بـ https://).</translation>
    </message>
</context>
<context>
    <name>mirsad::models::ArticleListModel</name>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>الأسماء</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>الملاحظات</translation>
    </message>
</context>
<context>
    <name>mirsad::models::FeedTreeModel</name>
    <message>
        <source>All articles</source>
        <translation>كل المقالات</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>لا مقالات غير مقروءة</numerusform>
            <numerusform>مقال واحد غير مقروء</numerusform>
            <numerusform>مقالان غير مقروءين</numerusform>
            <numerusform>%n مقالات غير مقروءة</numerusform>
            <numerusform>%n مقالًا غير مقروء</numerusform>
            <numerusform>%n مقال غير مقروء</numerusform>
        </translation>
    </message>
    <message>
        <source>The last refresh failed: %1</source>
        <translation>فشل آخر تحديث: %1</translation>
    </message>
</context>
<context>
    <name>mirsad::models::RegionTreeModel</name>
    <message>
        <source>Region</source>
        <translation>المنطقة</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>المقالات</translation>
    </message>
</context>
<context>
    <name>mirsad::publishing::Builder</name>
    <message>
        <source>Notes</source>
        <translation>ملاحظات</translation>
    </message>
    <message>
        <source>Index of names</source>
        <translation>فهرس الأسماء</translation>
    </message>
</context>
<context>
    <name>mirsad::publishing::detail</name>
    <message>
        <source>Notes</source>
        <translation>ملاحظات</translation>
    </message>
    <message>
        <source>Index of names</source>
        <translation>فهرس الأسماء</translation>
    </message>
    <message>
        <source>orphaned</source>
        <translation>يتيم</translation>
    </message>
    <message>
        <source>Brief</source>
        <translation>موجز</translation>
    </message>
    <message>
        <source>Filter: %1</source>
        <translation>التصفية: %1</translation>
    </message>
    <message>
        <source>Generated %1</source>
        <translation>أُنشئ في %1</translation>
    </message>
    <message>
        <source>People</source>
        <translation>الأشخاص</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>الأماكن</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>المنظمات</translation>
    </message>
    <message>
        <source>No longer found in the article&apos;s text (orphaned highlight):</source>
        <translation>لم يعد موجودًا في نص المقال (تظليل يتيم):</translation>
    </message>
</context>
<context>
    <name>mirsad::search</name>
    <message>
        <source>The quotation mark before “%1” is never closed: add a closing &quot; or remove it.</source>
        <translation>علامة الاقتباس قبل «%1» لم تُغلق: أضف &quot; لإغلاقها أو احذفها.</translation>
    </message>
    <message>
        <source>The quotation marks at “%1” hold no word to look for: put words between them or remove them.</source>
        <translation>علامتا الاقتباس في «%1» لا تضمّان كلمة يُبحث عنها: ضع كلمات بينهما أو احذفهما.</translation>
    </message>
    <message>
        <source>“%1”: * marks a prefix and goes at the end of a word, as in كرد* or kurd*.</source>
        <translation>«%1»: علامة * تدل على بادئة وتأتي في آخر الكلمة، مثل كرد* أو kurd*.</translation>
    </message>
    <message>
        <source>“%1”: put at least %n letters before the *.</source>
        <translation>«%1»: ضع قبل * حروفًا لا يقل عددها عن %n.</translation>
    </message>
    <message>
        <source>“%1”: a prefix is one word of at least %n letters before the *.</source>
        <translation>«%1»: البادئة كلمة واحدة لا تقل حروفها عن %n قبل *.</translation>
    </message>
    <message>
        <source>OR needs a word or &quot;phrase&quot; on each side, as in اربيل OR هولير. To look for the word “or”, write it in small letters.</source>
        <translation>تحتاج OR إلى كلمة أو &quot;عبارة&quot; على كل جانب منها، مثل اربيل OR هولير. للبحث عن كلمة «or» اكتبها بحروف صغيرة.</translation>
    </message>
    <message>
        <source>A search needs at least one word to look for: “-” only leaves articles out, as in نفط -كركوك.</source>
        <translation>يحتاج البحث إلى كلمة واحدة على الأقل يُبحث عنها: علامة «-» تستبعد المقالات فقط، مثل نفط -كركوك.</translation>
    </message>
</context>
</TS>
