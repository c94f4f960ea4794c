package io.mockpg.internal.respond.builtin;

import io.mockpg.internal.engine.ResultColumn;
import io.mockpg.internal.sql.SqlToken;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * pgjdbc's {@code DatabaseMetaData.getSQLKeywords()}, which Hibernate 6 calls at start:
 * {@code select string_agg(word, ',') from pg_catalog.pg_get_keywords() where word <> ALL ('{…}'::text[])},
 * answered from PostgreSQL's keyword list (the {@code pg_get_keywords()} of PostgreSQL 15)
 * minus the words the statement excludes.
 */
final class Keywords {
    /** {@code select string_agg(word, ',') from pg_get_keywords()} on PostgreSQL 15. */
    private static final String ALL = ""
            + "abort,absolute,access,action,add,admin,after,aggregate,all,also,alter,always,analyse,analyze,and"
            + ",any,array,as,asc,asensitive,assertion,assignment,asymmetric,at,atomic,attach,attribute,authoriz"
            + "ation,backward,before,begin,between,bigint,binary,bit,boolean,both,breadth,by,cache,call,called,"
            + "cascade,cascaded,case,cast,catalog,chain,char,character,characteristics,check,checkpoint,class,c"
            + "lose,cluster,coalesce,collate,collation,column,columns,comment,comments,commit,committed,compres"
            + "sion,concurrently,configuration,conflict,connection,constraint,constraints,content,continue,conv"
            + "ersion,copy,cost,create,cross,csv,cube,current,current_catalog,current_date,current_role,current"
            + "_schema,current_time,current_timestamp,current_user,cursor,cycle,data,database,day,deallocate,de"
            + "c,decimal,declare,default,defaults,deferrable,deferred,definer,delete,delimiter,delimiters,depen"
            + "ds,depth,desc,detach,dictionary,disable,discard,distinct,do,document,domain,double,drop,each,els"
            + "e,enable,encoding,encrypted,end,enum,escape,event,except,exclude,excluding,exclusive,execute,exi"
            + "sts,explain,expression,extension,external,extract,false,family,fetch,filter,finalize,first,float"
            + ",following,for,force,foreign,forward,freeze,from,full,function,functions,generated,global,grant,"
            + "granted,greatest,group,grouping,groups,handler,having,header,hold,hour,identity,if,ilike,immedia"
            + "te,immutable,implicit,import,in,include,including,increment,index,indexes,inherit,inherits,initi"
            + "ally,inline,inner,inout,input,insensitive,insert,instead,int,integer,intersect,interval,into,inv"
            + "oker,is,isnull,isolation,join,key,label,language,large,last,lateral,leading,leakproof,least,left"
            + ",level,like,limit,listen,load,local,localtime,localtimestamp,location,lock,locked,logged,mapping"
            + ",match,matched,materialized,maxvalue,merge,method,minute,minvalue,mode,month,move,name,names,nat"
            + "ional,natural,nchar,new,next,nfc,nfd,nfkc,nfkd,no,none,normalize,normalized,not,nothing,notify,n"
            + "otnull,nowait,null,nullif,nulls,numeric,object,of,off,offset,oids,old,on,only,operator,option,op"
            + "tions,or,order,ordinality,others,out,outer,over,overlaps,overlay,overriding,owned,owner,parallel"
            + ",parameter,parser,partial,partition,passing,password,placing,plans,policy,position,preceding,pre"
            + "cision,prepare,prepared,preserve,primary,prior,privileges,procedural,procedure,procedures,progra"
            + "m,publication,quote,range,read,real,reassign,recheck,recursive,ref,references,referencing,refres"
            + "h,reindex,relative,release,rename,repeatable,replace,replica,reset,restart,restrict,return,retur"
            + "ning,returns,revoke,right,role,rollback,rollup,routine,routines,row,rows,rule,savepoint,schema,s"
            + "chemas,scroll,search,second,security,select,sequence,sequences,serializable,server,session,sessi"
            + "on_user,set,setof,sets,share,show,similar,simple,skip,smallint,snapshot,some,sql,stable,standalo"
            + "ne,start,statement,statistics,stdin,stdout,storage,stored,strict,strip,subscription,substring,su"
            + "pport,symmetric,sysid,system,table,tables,tablesample,tablespace,temp,template,temporary,text,th"
            + "en,ties,time,timestamp,to,trailing,transaction,transform,treat,trigger,trim,true,truncate,truste"
            + "d,type,types,uescape,unbounded,uncommitted,unencrypted,union,unique,unknown,unlisten,unlogged,un"
            + "til,update,user,using,vacuum,valid,validate,validator,value,values,varchar,variadic,varying,verb"
            + "ose,version,view,views,volatile,when,where,whitespace,window,with,within,without,work,wrapper,wr"
            + "ite,xml,xmlattributes,xmlconcat,xmlelement,xmlexists,xmlforest,xmlnamespaces,xmlparse,xmlpi,xmlr"
            + "oot,xmlserialize,xmltable,year,yes,zone";

    private Keywords() {
    }

    static boolean recognizes(Set<String> words) {
        return words.contains("pg_get_keywords");
    }

    /** The plan for exactly pgjdbc's statement shape, WHERE included, or null (then MP001: the user sees what it was). */
    static BuiltinPlan plan(List<SqlToken> tokens) {
        TokenCursor cursor = new TokenCursor(tokens, 1);
        boolean shape = cursor.accept("string_agg") && cursor.acceptSymbol("(") && cursor.accept("word")
                && cursor.acceptSymbol(",") && cursor.peek() != null && cursor.next().text().equals(",")
                && cursor.acceptSymbol(")") && cursor.accept("from");
        if (!shape) {
            return null;
        }
        if (cursor.accept("pg_catalog") && !cursor.acceptSymbol(".")) {
            return null;
        }
        if (!(cursor.accept("pg_get_keywords") && cursor.acceptSymbol("(") && cursor.acceptSymbol(")"))) {
            return null;
        }
        Set<String> excluded = cursor.accept("where") ? exclusions(cursor) : null;
        if (excluded == null || !cursor.atEnd()) {
            return null;
        }
        Set<String> keep = new LinkedHashSet<>(Arrays.asList(ALL.split(",")));
        keep.removeAll(excluded);
        String answer = String.join(",", keep);
        List<ResultColumn> columns = List.of(new ResultColumn("string_agg", Types.of("text")));
        return new BuiltinPlan(columns, CatalogSelect.paramTypes(tokens),
                (request, session) -> Answers.select(columns, List.<Object[]>of(new Object[] {answer})));
    }

    /**
     * {@code word <> ALL ('{a,"null",b}'::text[])}: the words of the array literal (pgjdbc quotes
     * {@code "null"}, which unquoted would be a NULL element), or null for another condition.
     */
    private static Set<String> exclusions(TokenCursor cursor) {
        if (!(cursor.accept("word") && cursor.acceptSymbol("<>") && cursor.accept("all")
                && cursor.acceptSymbol("("))) {
            return null;
        }
        SqlToken array = cursor.next();
        if (array == null || array.kind() != SqlToken.Kind.STRING || !array.text().startsWith("{")
                || !array.text().endsWith("}")) {
            return null;
        }
        if (cursor.acceptSymbol("::") && !(cursor.accept("text") && cursor.acceptSymbol("[")
                && cursor.acceptSymbol("]"))) {
            return null;
        }
        if (!cursor.acceptSymbol(")")) {
            return null;
        }
        String body = array.text().substring(1, array.text().length() - 1);
        return Arrays.stream(body.split(",")).map(String::trim)
                .map(word -> word.length() > 1 && word.startsWith("\"") && word.endsWith("\"")
                        ? word.substring(1, word.length() - 1) : word)
                .collect(Collectors.toSet());
    }
}
